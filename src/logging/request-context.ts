import { createScopedStorage } from "../lib/scoped-storage.js";

/** What every log line written while handling one request (an HTTP request, a graphql-ws operation) carries. */
export interface RequestLogContext {
  requestId: string;
  /** Set once the document is resolved: the access line and the metrics read it. */
  operationName?: string;
  /** `ok`, or the first error's `extensions.code`. */
  outcome?: string;
}

// Module-level on purpose: a logger made by a test (createLogger) must see the requests of
// whichever app it is given to, and AsyncLocalStorage is the process's one notion of "current".
// Entered only around work that writes log lines of its own (changes, graphql-ws messages), not
// around reads, which then don't pay for it (scoped-storage.ts): their access line and unexpected
// errors name the request explicitly (request-telemetry.ts).
export const requestContext = createScopedStorage<RequestLogContext>();

const REQUEST_ID = /^[A-Za-z0-9._:@\/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a plausible id (no spaces, bounded), else undefined. */
export function acceptableRequestId(value: unknown): string | undefined {
  return typeof value === "string" && REQUEST_ID.test(value) ? value : undefined;
}

// Errors met while answering a request that ran outside the request context (a query): the
// formatter that logs an unexpected one finds its request here.
const requestOfError = new WeakMap<object, RequestLogContext>();

/** Remembers which request met these errors (the error boundary logs unexpected ones with its id). */
export function noteRequestOfErrors(errors: readonly unknown[], request: RequestLogContext | undefined) {
  if (!request) return;
  for (const error of errors) if (typeof error === "object" && error !== null) requestOfError.set(error, request);
}

/** The request id an error belongs to: the current request's, else the one noted for it (or its cause). */
export function requestIdOfError(error: unknown): string | undefined {
  const current = requestContext.get();
  if (current) return current.requestId;
  if (typeof error !== "object" || error === null) return undefined;
  const cause = (error as { originalError?: unknown }).originalError;
  return (requestOfError.get(error) ?? (typeof cause === "object" && cause !== null ? requestOfError.get(cause) : undefined))?.requestId;
}
