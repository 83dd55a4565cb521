import { AsyncLocalStorage } from "node:async_hooks";

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
export const requestContext = new AsyncLocalStorage<RequestLogContext>();

const REQUEST_ID = /^[A-Za-z0-9._:@\/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a plausible id (no spaces, bounded), else undefined. */
export function acceptableRequestId(value: unknown): string | undefined {
  return typeof value === "string" && REQUEST_ID.test(value) ? value : undefined;
}
