/**
 * How many SMS a text takes, counted as the API counts it (src/connectors/sms/sms-segments.ts):
 * GSM-7 when every character is in the GSM 03.38 alphabet or its extension table (an extension
 * character takes two septets), else UCS-2 (UTF-16 code units: an emoji is two). One SMS carries
 * 160 septets or 70 units; a concatenated one 153 / 67, splitting no character.
 */
export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** What one SMS holds in this encoding. */
  capacity: number;
  segments: number;
}

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";
const SINGLE = { "GSM-7": 160, "UCS-2": 70 } as const;
const CONCATENATED = { "GSM-7": 153, "UCS-2": 67 } as const;

function packed(costs: number[], capacity: number): number {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

export function smsLength(text: string): SmsLength {
  const characters = [...text];
  const gsm = characters.map((c) => (GSM7_BASIC.includes(c) ? 1 : GSM7_EXTENSION.includes(c) ? 2 : undefined));
  const encoding: SmsEncoding = gsm.every((cost) => cost !== undefined) ? "GSM-7" : "UCS-2";
  const costs = encoding === "GSM-7" ? (gsm as number[]) : characters.map((c) => c.length);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const segments = units <= SINGLE[encoding] ? 1 : packed(costs, CONCATENATED[encoding]);
  return { encoding, units, capacity: SINGLE[encoding], segments };
}

export const CODE_PLACEHOLDER = "[Code]";
export const SAMPLE_CODE = "123456";

/** The text a user receives: the template (trimmed, as the API stores it) with a sample code for [Code]. */
export const renderPreview = (template: string) => template.trim().replace(CODE_PLACEHOLDER, SAMPLE_CODE);
