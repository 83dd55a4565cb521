import type { ErrorRequestHandler } from "express";
import type { Logger } from "../logging/logger.js";
import { requestLogOf } from "./request-telemetry.js";

interface HttpError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
}

// What body-parser reports, in words a client can act on; never its internals or the body.
const BODY_ERRORS: Record<string, { status: number; reason: string; message: string }> = {
  "entity.parse.failed": { status: 400, reason: "invalidJson", message: "The request body is not valid JSON" },
  "entity.too.large": { status: 413, reason: "bodyTooLarge", message: "The request body is too large" },
  "charset.unsupported": { status: 415, reason: "unsupportedCharset", message: "The request body must be UTF-8" },
  "encoding.unsupported": { status: 415, reason: "unsupportedEncoding", message: "The request body's content encoding is not supported" },
  "request.aborted": { status: 400, reason: "requestAborted", message: "The request was aborted" },
  "request.size.invalid": { status: 400, reason: "invalidBodySize", message: "The request body does not match its Content-Length" },
};

const graphqlError = (message: string, code: string, reason?: string) => ({ errors: [{ message, extensions: { code, ...(reason ? { reason } : {}) } }] });

/**
 * Failures before GraphQL sees the request (body parsing) answer as GraphQL errors in JSON, in
 * every mode: never Express's HTML page with a stack trace and file paths.
 */
export function graphqlRequestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error.type ? BODY_ERRORS[error.type] : undefined;
    if (known) {
      res.status(known.status).json(graphqlError(known.message, "BAD_USER_INPUT", known.reason));
      return;
    }
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      res.status(status).json(graphqlError("The request could not be read", "BAD_USER_INPUT", "badRequest"));
      return;
    }
    logger.error({ err: error, requestId: requestLogOf(req)?.requestId }, "unexpected error before GraphQL");
    res.status(500).json(graphqlError("Internal server error", "INTERNAL_SERVER_ERROR"));
  };
}

/** The last handler of the app: JSON, no stack, anything unexpected logged. */
export function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, requestId: requestLogOf(req)?.requestId }, "unexpected error");
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: status >= 500 ? "Internal server error" : "Bad request" });
  };
}
