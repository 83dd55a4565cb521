import { countSmsSegments, SINGLE_SMS_CAPACITY } from "../../connectors/sms/sms-segments.js";
import { badInput } from "../../errors/domain-error.js";

export const CODE_PLACEHOLDER = "[Code]";
/** A code split over two SMS can arrive in pieces or out of order, and each extra segment is billed. */
export const MAX_TEMPLATE_SEGMENTS = 1;
const SAMPLE_CODE = "000000";

/**
 * A template must name `[Code]` exactly once and, once a 6-digit code replaces it, fit in
 * `maxSegments` SMS as a network counts them (GSM-7 septets, else UCS-2 code units).
 */
export function validateSmsTemplate(raw: string, maxSegments = MAX_TEMPLATE_SEGMENTS): string {
  const template = raw.trim();
  const occurrences = template.split(CODE_PLACEHOLDER).length - 1;
  if (occurrences !== 1) {
    throw badInput(`The message template must contain ${CODE_PLACEHOLDER} exactly once`, { field: "smsMessageTemplate", reason: "invalidTemplate" });
  }
  assertFitsSmsSegments(renderSmsTemplate(template, SAMPLE_CODE), "With the code in it", "smsMessageTemplate", maxSegments);
  return template;
}

/** Refuses a rendered message longer than `maxSegments` SMS (`templateTooLong`, on `field`). */
export function assertFitsSmsSegments(rendered: string, filledIn: string, field: string, maxSegments = MAX_TEMPLATE_SEGMENTS): void {
  const { encoding, units, segments } = countSmsSegments(rendered);
  if (segments > maxSegments) {
    throw badInput(
      `${filledIn}, the message is ${segments} SMS segments (${encoding}, ${units} characters); at most ${maxSegments} ${maxSegments === 1 ? "is" : "are"} allowed. ` +
        `One segment is at most ${SINGLE_SMS_CAPACITY.GSM7} GSM-7 characters (each of € { } [ ] ~ ^ | \\ counts as two), ` +
        `or ${SINGLE_SMS_CAPACITY.UCS2} UCS-2 characters when any other character is used (an emoji counts as two).`,
      { field, reason: "templateTooLong" },
    );
  }
}

export function renderSmsTemplate(template: string, code: string): string {
  return template.replace(CODE_PLACEHOLDER, code);
}
