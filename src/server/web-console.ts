import express, { type Express, type Response } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where `npm run build` puts the console (web/ built by Vite), from src/server or dist/server alike. */
export const WEB_CONSOLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");

// Everything the pages load comes from this server: scripts and workers (the explorer's editor),
// styles (Fluent UI injects style elements), fonts and images (bundled), the API over HTTP and
// graphql-ws. Nothing else may load, and no other site may frame them.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Paths the console's single-page routes must never shadow. */
const API_PATHS = /^\/(graphql|healthz|readyz|metrics|assets)(\/|$)/;

function pageHeaders(res: Response) {
  res.set({
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-cache",
  });
}

/**
 * The web console at `/` (a single-page app: any other page path, such as `/users/<id>`,
 * answers with the same page so deep links survive a reload) and the offline GraphQL explorer
 * at `/explorer`. Assets have content hashes in their names, so browsers keep them for a year.
 */
export function mountWebConsole(app: Express, directory = WEB_CONSOLE_DIR) {
  const page = (file: string) => (req: express.Request, res: Response, next: express.NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (!existsSync(path.join(directory, file))) {
      res.status(503).type("text/plain").send("The web console is not built: run `npm run build`.\n");
      return;
    }
    pageHeaders(res);
    res.sendFile(file, { root: directory });
  };
  app.use(
    "/assets",
    express.static(path.join(directory, "assets"), { immutable: true, maxAge: "365d", index: false, fallthrough: false }),
  );
  app.get("/favicon.svg", (_req, res) => res.sendFile("favicon.svg", { root: directory, maxAge: "1d" }));
  app.get(["/explorer", "/explorer/"], page("explorer.html"));
  app.use((req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts("html")) return next();
    page("index.html")(req, res, next);
  });
}
