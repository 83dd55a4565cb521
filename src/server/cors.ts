import cors from "cors";
import type { RequestHandler } from "express";
import type { IncomingMessage } from "node:http";

/**
 * Cross-origin access (CORS_ORIGINS): the exact origins of browser apps on other sites that may
 * call the API, `"*"` for any (not in production), or none (the default: same origin only).
 *
 * Credentials are never allowed: the API authenticates with a bearer token in the Authorization
 * header (or graphql-ws connectionParams), never a cookie, so a cross-origin app needs no
 * credentialed requests, and `Access-Control-Allow-Credentials` is never sent, with `*` or without.
 */
export type CorsOrigins = "*" | readonly string[];

/** What a browser app may send: the token, JSON, a correlation id, and Apollo's CSRF-prevention headers. */
export const CORS_ALLOWED_HEADERS = ["authorization", "content-type", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"];
const CORS_METHODS = ["GET", "POST", "OPTIONS"];
/** Browsers may cache a preflight this long (seconds): a changed allow list applies within 10 minutes. */
const CORS_MAX_AGE_SECONDS = 600;

/** Parses CORS_ORIGINS (comma-separated); a problem names the value and the form it should take. */
export function parseCorsOrigins(value: string | undefined): { origins: CorsOrigins } | { problem: string } {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.includes("*")) {
    return entries.length === 1 ? { origins: "*" } : { problem: `"*" allows every origin: use it alone, not with a list` };
  }
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if (url.protocol === "http:" || url.protocol === "https:") origin = url.origin;
    } catch {
      // not a URL at all
    }
    // What a browser sends in Origin: scheme://host[:port], lower case, no default port, path or slash.
    if (origin !== entry) {
      return { problem: `"${entry}" is not an origin: write scheme://host[:port]${origin && origin !== "null" ? ` (here ${origin})` : ", e.g. https://app.example.com"}` };
    }
  }
  return { origins: [...new Set(entries)] };
}

/**
 * The CORS handling of /graphql. An allowed origin gets its preflight answered (204) and its
 * requests marked readable; a refused one gets no Access-Control-Allow-* header at all, so the
 * browser keeps the answer from the page. Every OPTIONS ends here (204), allowed or not: it never
 * reaches Apollo, which answers methods other than GET and POST with an error.
 */
export function corsHandlers(origins: CorsOrigins): RequestHandler[] {
  const common = { methods: CORS_METHODS, allowedHeaders: CORS_ALLOWED_HEADERS, exposedHeaders: ["retry-after"], maxAge: CORS_MAX_AGE_SECONDS, credentials: false };
  const handlers: RequestHandler[] = [];
  if (origins === "*") {
    handlers.push(cors({ ...common, origin: "*" }));
  } else if (origins.length) {
    const allowed = new Set(origins);
    handlers.push(
      // The answer depends on Origin whether or not it is allowed (shared caches must keep them apart).
      (_req, res, next) => {
        res.vary("Origin");
        next();
      },
      // A refused origin: `cors` passes the request on without adding any header.
      cors({ ...common, origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false) }),
    );
  }
  handlers.push((req, res, next) => {
    if (req.method !== "OPTIONS") return next();
    res.status(204).set("allow", CORS_METHODS.join(", ")).end();
  });
  return handlers;
}

/**
 * Whether a graphql-ws upgrade may proceed, by the same allow list. Clients that send no Origin
 * (anything but a browser) may; so may the gateway's own pages (Origin's host is the Host asked
 * for, e.g. the web console) and, with no list configured, everyone, as before.
 */
export function webSocketOriginAllowed(origins: CorsOrigins, request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origins === "*" || origins.length === 0) return true;
  if (origins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
