import { randomUUID } from "node:crypto";
import type { ChallengePurpose, PhoneType } from "../../generated/prisma/enums.js";
import type { Clock } from "../../lib/clock.js";
import { isUuid } from "../../lib/uuid.js";
import { generateCode, type CodeHasher } from "./challenge-codes.js";

/** Why a code was not accepted (the only reasons a caller is told). */
export const VerificationFailureReason = {
  CODE_INVALID_OR_EXPIRED: "CODE_INVALID_OR_EXPIRED",
  MAX_ATTEMPTS_EXCEEDED: "MAX_ATTEMPTS_EXCEEDED",
} as const;
export type VerificationFailureReason = (typeof VerificationFailureReason)[keyof typeof VerificationFailureReason];

export interface ChallengeRecord {
  id: string;
  purpose: ChallengePurpose;
  userId: string | null;
  phoneNumber: string;
  phoneType: PhoneType | null;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type NewChallenge = Pick<ChallengeRecord, "id" | "purpose" | "userId" | "phoneNumber" | "phoneType" | "codeHash" | "expiresAt">;

export interface ChallengeStore {
  insertChallenge(data: NewChallenge): Promise<ChallengeRecord>;
  findChallengeById(id: string): Promise<ChallengeRecord | null>;
  deleteChallenge(id: string): Promise<void>;
  /** Marks live challenges for the same purpose and number (and user, when given) used, except one. */
  retireLiveChallenges(args: { purpose: ChallengePurpose; phoneNumber: string; userId?: string | null; exceptId: string; now: Date }): Promise<void>;
  /** Counts one try on a challenge that is live and under the cap; null when it is not. */
  countChallengeAttempt(id: string, now: Date, maxAttempts: number): Promise<ChallengeRecord | null>;
  /** Marks a live challenge used; false when another request got there first. */
  consumeChallenge(id: string, now: Date): Promise<boolean>;
}

export type CheckOutcome =
  | { verified: true; challenge: ChallengeRecord }
  | { verified: false; failureReason: VerificationFailureReason };

/**
 * Bounds guessing across challenges: every try on a live challenge is reserved against its
 * number's budget before the code is compared (RATE_LIMITED past it), and handed back when the
 * code was right.
 */
export interface GuessBudget {
  reserve(challenge: ChallengeRecord): Promise<{ release(): Promise<void> }>;
}

/**
 * The life of an SMS code: issued with an expiry, stored as a keyed hash, at most `maxAttempts`
 * tries, single use, and retired when a newer code is sent for the same purpose and number.
 */
export function createCodeChallenges(deps: {
  store: ChallengeStore;
  hasher: CodeHasher;
  clock: Clock;
  ttlSeconds: number;
  maxAttempts: number;
  guessBudget?: GuessBudget;
}) {
  const { store, hasher, clock, ttlSeconds, maxAttempts, guessBudget } = deps;

  /** A new challenge and its code, not stored yet (the caller stores it, e.g. with a queued SMS). */
  function prepare(spec: Pick<ChallengeRecord, "purpose" | "userId" | "phoneNumber" | "phoneType">): { challenge: NewChallenge; code: string } {
    const id = randomUUID();
    const code = generateCode();
    const expiresAt = new Date(clock.now().getTime() + ttlSeconds * 1000);
    return { challenge: { ...spec, id, codeHash: hasher.hash(id, code), expiresAt }, code };
  }

  async function issue(spec: Pick<ChallengeRecord, "purpose" | "userId" | "phoneNumber" | "phoneType">): Promise<{ challenge: ChallengeRecord; code: string }> {
    const prepared = prepare(spec);
    return { challenge: await store.insertChallenge(prepared.challenge), code: prepared.code };
  }

  /** Called once the code reached the gateway: only then are older codes for the same purpose retired. */
  async function activate(challenge: ChallengeRecord): Promise<void> {
    await store.retireLiveChallenges({
      purpose: challenge.purpose,
      phoneNumber: challenge.phoneNumber,
      // A number belongs to one sign-in user at most, but several users may enrol or step up with the same number.
      userId: challenge.purpose === "signIn" ? undefined : challenge.userId,
      exceptId: challenge.id,
      now: clock.now(),
    });
  }

  async function find(id: string): Promise<ChallengeRecord | null> {
    return isUuid(id) ? store.findChallengeById(id.toLowerCase()) : null;
  }

  async function check(id: string, purpose: ChallengePurpose, code: string): Promise<CheckOutcome> {
    const invalid: CheckOutcome = { verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" };
    const exhausted: CheckOutcome = { verified: false, failureReason: "MAX_ATTEMPTS_EXCEEDED" };
    const challenge = await find(id);
    if (!challenge || challenge.purpose !== purpose) return invalid;
    if (challenge.attempts >= maxAttempts) return exhausted;
    const now = clock.now();
    if (challenge.consumedAt || challenge.expiresAt <= now) return invalid;
    // Reserved before the comparison, so that parallel guesses can never pass the budget together.
    const reservation = await guessBudget?.reserve(challenge);
    const counted = await store.countChallengeAttempt(challenge.id, now, maxAttempts);
    if (!counted) {
      // Lost a race with other tries on the same challenge: not a guess.
      await reservation?.release();
      const latest = await store.findChallengeById(challenge.id);
      return latest && latest.attempts >= maxAttempts ? exhausted : invalid;
    }
    if (!hasher.matches(challenge.codeHash, challenge.id, code)) return invalid;
    await reservation?.release();
    if (!(await store.consumeChallenge(challenge.id, now))) return invalid;
    return { verified: true, challenge: counted };
  }

  return { prepare, issue, activate, discard: (challenge: ChallengeRecord) => store.deleteChallenge(challenge.id), find, check };
}

export type CodeChallenges = ReturnType<typeof createCodeChallenges>;
