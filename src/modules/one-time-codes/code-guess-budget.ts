import { DomainError } from "../../errors/domain-error.js";
import type { Clock } from "../../lib/clock.js";
import { smsDestination } from "../../lib/phone-number.js";
import type { ChallengePurpose } from "../../generated/prisma/enums.js";
import type { ChallengeRecord, GuessBudget } from "./code-challenges.js";

/**
 * Guesses logged per key over a rolling window: one row per key holding the times of the
 * guesses still in the window, changed by one statement so that parallel guesses are all seen.
 */
export interface GuessLogStore {
  /** Logs a guess at `at` unless `limit` guesses since `since` are logged already; `oldest`: the first one still in the window. */
  logGuess(key: string, at: Date, since: Date, limit: number): Promise<{ admitted: boolean; oldest: Date | null }>;
  /** Takes back the guess logged at `at` (the code was right after all). */
  withdrawGuess(key: string, at: Date): Promise<void>;
}

export type GuessPool = "anonymous" | "signed-in";

export interface GuessLimits {
  /** Wrong codes per number per rolling window, for SMS sign-in (anyone can try). */
  anonymous: number;
  /** Wrong codes per number per rolling window, for enrolment and step-up (signed-in callers). */
  signedIn: number;
  windowSeconds: number;
}

/**
 * 25 + 25 wrong codes per number in any 24 hours: at most 50 guesses at 6-digit codes, a chance
 * of 50 / 1,000,000 = 1 in 20,000 per number per day. Two pools, so that anonymous guessing
 * never locks the owner out of enrolment and step-up.
 */
export const DEFAULT_GUESS_LIMITS: GuessLimits = { anonymous: 25, signedIn: 25, windowSeconds: 24 * 60 * 60 };

/** Sign-in codes are tried by anyone; enrolment and step-up codes only by signed-in callers. */
export const guessPoolOf = (purpose: ChallengePurpose): GuessPool => (purpose === "signIn" ? "anonymous" : "signed-in");

/** The per-number budget of wrong codes (finding: bound the chance of guessing a code per day). */
export function createCodeGuessBudget(deps: { store: GuessLogStore; clock: Clock; limits?: Partial<GuessLimits> }): GuessBudget {
  const limits = { ...DEFAULT_GUESS_LIMITS, ...deps.limits };
  const windowMs = limits.windowSeconds * 1000;
  return {
    async reserve(challenge: ChallengeRecord) {
      const pool = guessPoolOf(challenge.purpose);
      // The number as texted: an extension reaches the same phone.
      const key = `sms-code-guesses:number:${pool}:${smsDestination(challenge.phoneNumber)}`;
      const limit = pool === "anonymous" ? limits.anonymous : limits.signedIn;
      const at = deps.clock.now();
      const { admitted, oldest } = await deps.store.logGuess(key, at, new Date(at.getTime() - windowMs), limit);
      if (!admitted) {
        const freedAt = (oldest?.getTime() ?? at.getTime()) + windowMs;
        const retryAfterSeconds = Math.max(1, Math.ceil((freedAt - at.getTime()) / 1000));
        throw new DomainError("RATE_LIMITED", `Too many wrong codes for this number; try again in ${retryAfterSeconds} seconds`, {
          reason: "tooManyFailedCodes",
          retryAfterSeconds,
        });
      }
      return { release: () => deps.store.withdrawGuess(key, at) };
    },
  };
}
