import { badInput } from "../../errors/domain-error.js";
import { NoticeKind } from "../../generated/prisma/enums.js";
import { assertFitsSmsSegments, CODE_PLACEHOLDER } from "../directory-settings/sms-template.js";

export { NoticeKind };

export const NOTICE_KINDS: readonly NoticeKind[] = Object.values(NoticeKind);

/** Stands for the last four digits of the phone a notice is about; the only placeholder a notice has. */
export const LAST4_PLACEHOLDER = "[Last4]";

/** The kinds about one phone: their templates may name it by its last four digits. */
const PHONE_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>(["phoneAdded", "phoneRemoved", "phoneChanged", "smsSignInEnabled"]);

export const isPhoneNotice = (kind: NoticeKind) => PHONE_KINDS.has(kind);

const IF_NOT_YOU = "If this wasn't you, contact your administrator.";

/** What a notice says until an administrator writes their own (each fits one GSM-7 SMS). */
export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, string> = {
  phoneAdded: `A phone ending in ${LAST4_PLACEHOLDER} was added to your account. ${IF_NOT_YOU}`,
  phoneRemoved: `A phone ending in ${LAST4_PLACEHOLDER} was removed from your account. ${IF_NOT_YOU}`,
  phoneChanged: `The phone number ending in ${LAST4_PLACEHOLDER} was replaced on your account. ${IF_NOT_YOU}`,
  smsSignInEnabled: `Sign-in with your phone number (ending in ${LAST4_PLACEHOLDER}) was turned on for your account. ${IF_NOT_YOU}`,
  passwordReset: `The password of your account was reset. ${IF_NOT_YOU}`,
  passwordChanged: `The password of your account was changed. ${IF_NOT_YOU}`,
};

// Anything in square brackets reads as a placeholder: a typo ([last4]) or one from the code
// template ([Code]) would otherwise be texted as it stands.
const BRACKETED = /\[[^\]\n]*\]/g;
const SAMPLE_LAST4 = "0000";

/**
 * A notice template: one line of text or a few, at most one SMS once `[Last4]` is filled in
 * (160 GSM-7 characters, or 70 UCS-2), and no placeholder but `[Last4]`, which only the phone
 * kinds have. A notice never carries a code or a full phone number: there is no placeholder for either.
 */
export function validateNoticeTemplate(kind: NoticeKind, raw: string, field = "template"): string {
  const template = raw.trim();
  if (template.length === 0) throw badInput("A notice template must not be empty", { field, reason: "invalidTemplate" });
  for (const [placeholder] of template.matchAll(BRACKETED)) {
    if (placeholder === LAST4_PLACEHOLDER && isPhoneNotice(kind)) continue;
    const why =
      placeholder === CODE_PLACEHOLDER
        ? "a notice never carries a code"
        : placeholder === LAST4_PLACEHOLDER
          ? `a ${kind} notice is about no phone`
          : `the only placeholder is ${LAST4_PLACEHOLDER}, in the phone notices`;
    throw badInput(`The template can't contain ${placeholder}: ${why}`, { field, reason: "invalidTemplate" });
  }
  assertFitsSmsSegments(renderNotice(template, SAMPLE_LAST4), `With ${LAST4_PLACEHOLDER} filled in`, field);
  return template;
}

/** The text of a notice: the last four digits (of a stored number) in place of `[Last4]`. */
export function renderNotice(template: string, last4: string | null): string {
  return template.replaceAll(LAST4_PLACEHOLDER, last4 ?? "");
}

/** The last four digits of a stored number (`+12065550123` or `+12065550123x7`: `0123`). */
export function lastFourDigitsOf(stored: string): string {
  return stored.split("x")[0]!.replace(/\D/g, "").slice(-4);
}
