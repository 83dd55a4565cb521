import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DomainError } from "./domain-error.js";
import type { Logger } from "../logging/logger.js";
import { requestIdOfError } from "../logging/request-context.js";

const PASSTHROUGH_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "RATE_LIMITED",
  // Apollo's own request-level failures (parse/validate) are the client's fault: say so plainly.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

// Apollo's request-level codes are folded into the catalogue clients know about.
const CLIENT_CODES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: "BAD_USER_INPUT",
  GRAPHQL_VALIDATION_FAILED: "BAD_USER_INPUT",
  BAD_REQUEST: "BAD_USER_INPUT",
  OPERATION_RESOLUTION_FAILURE: "BAD_USER_INPUT",
};

/**
 * The one error boundary: domain errors keep their code and reason, client mistakes keep
 * their message, anything unexpected is logged and masked (no stack, SQL or secrets leak).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // A failing subscription stream reaches graphql-ws wrapped, without a path.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
    if (original instanceof DomainError) {
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...original.meta } };
    }
    const code = String(formatted.extensions?.code ?? "");
    if (original instanceof GraphQLError && PASSTHROUGH_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: CLIENT_CODES[code] ?? code } };
    }
    // Variable coercion errors have no code of their own before Apollo adds one.
    if (original instanceof GraphQLError && !original.originalError && code === "BAD_USER_INPUT") {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path, requestId: requestIdOfError(error) }, "unexpected error");
    return {
      message: "Internal server error",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
