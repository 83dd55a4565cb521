import { maskPhoneForLog } from "../../lib/phone-number.js";
import type { SmsLogger, SmsMessage, SmsSender } from "./sms-sender.js";

export interface SmsOutboxEntry {
  to: string;
  body: string;
  senderId: string | null;
  sentAt: Date;
}

export interface SmsOutbox {
  push(entry: SmsOutboxEntry): void;
  /** Oldest first. */
  list(): SmsOutboxEntry[];
  /** The most recent message, optionally only those sent to `to`. */
  last(to?: string): SmsOutboxEntry | undefined;
  clear(): void;
}

export interface ConsoleSenderOptions {
  outbox: SmsOutbox;
  logger: SmsLogger;
  revealCodesInLog: boolean;
  senderId?: string | null;
  now: () => Date;
}

/** Keeps the latest `limit` messages in memory so developers and tests can read the codes that were "sent". */
export function createSmsOutbox(limit = 1000): SmsOutbox {
  const entries: SmsOutboxEntry[] = [];
  return {
    push(entry) {
      entries.push(entry);
      // Bounded so a long-running dev server cannot grow without limit.
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    list: () => [...entries],
    last(to) {
      for (let index = entries.length - 1; index >= 0; index--) {
        if (to === undefined || entries[index].to === to) return entries[index];
      }
      return undefined;
    },
    clear() {
      entries.length = 0;
    },
  };
}

/** Development provider: delivers to the outbox and the log instead of a phone. */
export function createConsoleSender(options: ConsoleSenderOptions): SmsSender {
  return {
    async send(message: SmsMessage) {
      const entry: SmsOutboxEntry = {
        to: message.to,
        body: message.body,
        senderId: message.senderId ?? options.senderId ?? null,
        sentAt: options.now(),
      };
      options.outbox.push(entry);
      // Logs outlive the code's validity and are read by more people than the outbox, so codes are hidden by default.
      const loggedBody = options.revealCodesInLog ? entry.body : maskDigitRuns(entry.body);
      options.logger.info({ provider: "console", to: maskPhoneForLog(entry.to), senderId: entry.senderId, body: loggedBody }, "SMS written to console outbox");
      return {};
    },
  };
}

/** Replaces every run of 4+ digits (codes, but also numbers quoted in templates) with a fixed-width mask. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{4,}/g, "******");
}
