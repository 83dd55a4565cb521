import { createSecretBox, deriveKey, type SecretBox } from "../../crypto/secret-box.js";

/** A notice is worth sending for a day (codes: minutes); after that, retries stop. */
export const NOTICE_TTL_MS = 24 * 3_600_000;

/** Seals queued notices: one key derivation for the follower that seals and the worker that opens. */
export const noticeBoxFor = (encryptionKey: string): SecretBox => createSecretBox(deriveKey(encryptionKey, "sms-deliveries.notice"));
