import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../lib/clock.js";

export const CHALLENGE_TOKEN_KIND = "smsChallenge";

export interface IssuedTokenStore {
  insertIssuedToken(data: { tokenHash: string; kind: string; userId: string | null; subject: string | null; expiresAt: Date }): Promise<unknown>;
  /** Marks an unexpired, unused token used; false when there is none. */
  consumeIssuedToken(tokenHash: string, kind: string, now: Date): Promise<boolean>;
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Proof of a passed step-up challenge: a random bearer string, kept only as a hash, short-lived, single use. */
export function createChallengeTokens(deps: { store: IssuedTokenStore; clock: Clock; ttlSeconds: number }) {
  const { store, clock, ttlSeconds } = deps;
  return {
    async issue(userId: string, challengeId: string): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(clock.now().getTime() + ttlSeconds * 1000);
      await store.insertIssuedToken({ tokenHash: hashToken(token), kind: CHALLENGE_TOKEN_KIND, userId, subject: challengeId, expiresAt });
      return token;
    },
    async redeem(token: string): Promise<boolean> {
      if (!token || token.length > 256) return false;
      return store.consumeIssuedToken(hashToken(token.trim()), CHALLENGE_TOKEN_KIND, clock.now());
    },
  };
}

export type ChallengeTokens = ReturnType<typeof createChallengeTokens>;
