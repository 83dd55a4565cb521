import { badInput } from "../../errors/domain-error.js";

export const CODE_PLACEHOLDER = "[Code]";
/** One SMS segment in GSM-7. */
export const MAX_SMS_LENGTH = 160;
const CODE_LENGTH = 6;

/** A template must name `[Code]` exactly once and fit one SMS once a 6-digit code replaces it. */
export function validateSmsTemplate(raw: string): string {
  const template = raw.trim();
  const occurrences = template.split(CODE_PLACEHOLDER).length - 1;
  if (occurrences !== 1) {
    throw badInput(`The message template must contain ${CODE_PLACEHOLDER} exactly once`, { field: "smsMessageTemplate", reason: "invalidTemplate" });
  }
  const length = template.length - CODE_PLACEHOLDER.length + CODE_LENGTH;
  if (length > MAX_SMS_LENGTH) {
    throw badInput(`The message must be at most ${MAX_SMS_LENGTH} characters once the code is in it (it would be ${length})`, {
      field: "smsMessageTemplate",
      reason: "templateTooLong",
    });
  }
  return template;
}

export function renderSmsTemplate(template: string, code: string): string {
  return template.replace(CODE_PLACEHOLDER, code);
}
