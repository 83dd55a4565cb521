import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** One error the API answered, as the console shows it. */
export interface ApiError {
  message: string;
  code?: string;
  reason?: string;
  /** The argument it is about (`input.endpoint`), to show it next to that field. */
  field?: string;
}

/** Messages the console contract fixes for some reasons; otherwise the server's own message. */
const MESSAGES: Record<string, string> = {
  phoneNumberNotUnique: "This phone number is already in use by someone else in your organization. Contact your administrator.",
  defaultSignInMethod: "This phone is the default sign-in method. Disable SMS sign-in for it first, then delete it.",
};

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0]!;
    const extensions = (first.extensions ?? {}) as Record<string, unknown>;
    const reason = typeof extensions.reason === "string" ? extensions.reason : undefined;
    const code = typeof extensions.code === "string" ? extensions.code : undefined;
    const field = typeof extensions.field === "string" ? extensions.field : undefined;
    if (code === "RATE_LIMITED" && typeof extensions.retryAfterSeconds === "number") {
      const minutes = Math.max(1, Math.ceil(extensions.retryAfterSeconds / 60));
      return { message: `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, code, reason, field };
    }
    return { message: (reason && MESSAGES[reason]) || first.message, code, reason, field };
  }
  if (error instanceof Error) return { message: error.message };
  return { message: "Something went wrong" };
}

/** The error for one form field: `input.endpoint` and `endpoint` both belong to "endpoint". */
export const fieldOf = (error: ApiError | null | undefined) => error?.field?.split(".").pop();
