/**
 * How many SMS a text takes, counted as networks do (3GPP TS 23.038 / 23.040): GSM-7 when every
 * character is in the GSM 03.38 default alphabet or its extension table (an extension character
 * takes two septets: escape + code), else UCS-2, which counts UTF-16 code units (an emoji is two).
 * One SMS carries 160 septets or 70 units; a concatenated one loses room to its header (153 / 67)
 * and splits neither an escape pair nor a surrogate pair.
 */
export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";

/** What one SMS (not concatenated) holds, in each encoding's units. */
export const SINGLE_SMS_CAPACITY = { GSM7: 160, UCS2: 70 } as const;
const CONCATENATED = { GSM7: 153, UCS2: 67 };

function gsm7Cost(character: string): number | undefined {
  if (GSM7_BASIC.includes(character)) return 1;
  if (GSM7_EXTENSION.includes(character)) return 2;
  return undefined;
}

/** Packs costs into segments of `capacity` without splitting one character's units. */
function packedSegments(costs: number[], capacity: number): number {
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

export function countSmsSegments(text: string): SmsSegmentCount {
  // Iterating a string yields code points, so a surrogate pair is one character of cost 2.
  const characters = [...text];
  const gsmCosts = characters.map(gsm7Cost);
  if (gsmCosts.every((cost) => cost !== undefined)) {
    const costs = gsmCosts as number[];
    const units = costs.reduce((sum, cost) => sum + cost, 0);
    return { encoding: "GSM-7", units, segments: units <= SINGLE_SMS_CAPACITY.GSM7 ? 1 : packedSegments(costs, CONCATENATED.GSM7) };
  }
  const costs = characters.map((character) => character.length);
  const units = text.length;
  return { encoding: "UCS-2", units, segments: units <= SINGLE_SMS_CAPACITY.UCS2 ? 1 : packedSegments(costs, CONCATENATED.UCS2) };
}
