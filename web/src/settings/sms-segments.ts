import { countSmsSegments, SINGLE_SMS_CAPACITY, type SmsSegmentCount } from "../../../src/connectors/sms/sms-segments.js";

/** How many SMS a text takes, counted by the very code the API counts with, and what one SMS holds in its encoding. */
export interface SmsLength extends SmsSegmentCount {
  capacity: number;
}

export function smsLength(text: string): SmsLength {
  const count = countSmsSegments(text);
  return { ...count, capacity: count.encoding === "GSM-7" ? SINGLE_SMS_CAPACITY.GSM7 : SINGLE_SMS_CAPACITY.UCS2 };
}

export const CODE_PLACEHOLDER = "[Code]";
export const SAMPLE_CODE = "123456";

/** The text a user receives: the template (trimmed, as the API stores it) with a sample code for [Code]. */
export const renderPreview = (template: string) => template.trim().replace(CODE_PLACEHOLDER, SAMPLE_CODE);
