import type { LongRunningOperationStatus } from "../graphql.js";

/** An operation's status in words, as the progress view shows it beside the raw status. */
export const STATUS_WORDS: Record<LongRunningOperationStatus, string> = {
  notStarted: "Not started",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
};

export const isFinished = (status: LongRunningOperationStatus) => status === "succeeded" || status === "failed";

/** What a finished reset means for the administrator. */
export function outcomeInWords(status: LongRunningOperationStatus, statusDetail: string | null | undefined): string | null {
  if (status === "succeeded") return "The password was reset. The user's existing sessions were signed out.";
  if (status !== "failed") return null;
  if (statusDetail === "PasswordPolicyViolation") {
    return "The password was not changed: it does not meet the password policy (at least 8 characters, three of upper case, lower case, digits and symbols, and not the user's name).";
  }
  return "The password was not changed.";
}
