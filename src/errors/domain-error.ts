import { GraphQLError } from "graphql";

/** The `extensions.code` values clients can rely on (spec section 9). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

export interface DomainErrorMeta {
  /** Machine-readable cause, e.g. `phoneNumberNotUnique`. */
  reason?: string;
  /** Extra public extensions, e.g. `retryAfterSeconds`, `field`. */
  [key: string]: unknown;
}

/** An expected failure of a business rule, turned into a GraphQL error by the error boundary. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly meta: DomainErrorMeta = {},
  ) {
    super(message);
    this.name = "DomainError";
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, { extensions: { code: this.code, ...this.meta } });
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found`);
export const forbidden = (message = "You are not allowed to do this", reason?: string) =>
  new DomainError("FORBIDDEN", message, reason ? { reason } : {});
export const badInput = (message: string, meta?: DomainErrorMeta) => new DomainError("BAD_USER_INPUT", message, meta);
