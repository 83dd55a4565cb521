import { randomInt } from "node:crypto";

export interface PasswordPolicyViolation {
  reason: "PasswordPolicyViolation";
  message: string;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** Length >= 8 (max 256), three of four character classes, not containing the user's name or UPN. */
export function checkPasswordPolicy(
  password: string,
  user: { userPrincipalName: string; displayName?: string | null },
): PasswordPolicyViolation | undefined {
  const violation = (message: string): PasswordPolicyViolation => ({ reason: "PasswordPolicyViolation", message });
  if (password.length < 8) return violation("The password must be at least 8 characters long");
  if (password.length > 256) return violation("The password must be at most 256 characters long");
  if (CLASSES.filter((c) => c.test(password)).length < 3) {
    return violation("The password must contain three of: lower case, upper case, digits, symbols");
  }
  const lower = password.toLowerCase();
  const alias = user.userPrincipalName.toLowerCase().split("@")[0]!;
  const nameParts = [alias, user.userPrincipalName.toLowerCase(), ...(user.displayName ?? "").toLowerCase().split(/[\s.,_-]+/)];
  if (nameParts.some((part) => part.length >= 3 && lower.includes(part))) {
    return violation("The password must not contain the user's name");
  }
  return undefined;
}

const ALPHABETS = ["abcdefghijkmnopqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!@#$%^&*-_=+?"];

/** A 16-character password from a CSPRNG with every character class present. */
export function generateStrongPassword(length = 16): string {
  const all = ALPHABETS.join("");
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
