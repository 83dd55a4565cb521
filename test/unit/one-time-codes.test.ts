import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors/domain-error.js";
import { createManualClock } from "../../src/lib/clock.js";
import { createCodeHasher, generateCode } from "../../src/modules/one-time-codes/challenge-codes.js";
import { createChallengeTokens, type IssuedTokenStore } from "../../src/modules/one-time-codes/challenge-tokens.js";
import { createCodeChallenges, type ChallengeRecord, type ChallengeStore } from "../../src/modules/one-time-codes/code-challenges.js";
import { createRateLimiter, type RateLimitBuckets } from "../../src/modules/rate-limits/rate-limiter.js";
import { renderSmsTemplate, validateSmsTemplate } from "../../src/modules/directory-settings/sms-template.js";

const MINUTE = 60_000;

/** The repository's contract, in memory. */
function memoryChallengeStore(): ChallengeStore & { rows: Map<string, ChallengeRecord> } {
  const rows = new Map<string, ChallengeRecord>();
  return {
    rows,
    async insertChallenge(data) {
      const row = { ...data, attempts: 0, consumedAt: null };
      rows.set(row.id, row);
      return { ...row };
    },
    async findChallengeById(id) {
      const row = rows.get(id);
      return row ? { ...row } : null;
    },
    async deleteChallenge(id) {
      rows.delete(id);
    },
    async retireLiveChallenges({ purpose, phoneNumber, userId, exceptId, now }) {
      for (const row of rows.values()) {
        if (row.purpose === purpose && row.phoneNumber === phoneNumber && !row.consumedAt && row.id !== exceptId && (userId === undefined || row.userId === userId)) {
          row.consumedAt = now;
        }
      }
    },
    async countChallengeAttempt(id, now, maxAttempts) {
      const row = rows.get(id);
      if (!row || row.consumedAt || row.expiresAt <= now || row.attempts >= maxAttempts) return null;
      row.attempts += 1;
      return { ...row };
    },
    async consumeChallenge(id, now) {
      const row = rows.get(id);
      if (!row || row.consumedAt) return false;
      row.consumedAt = now;
      return true;
    },
  };
}

function setup() {
  const clock = createManualClock(new Date("2026-11-23T09:00:00Z"));
  const store = memoryChallengeStore();
  const hasher = createCodeHasher(Buffer.alloc(32, 7));
  const challenges = createCodeChallenges({ store, hasher, clock, ttlSeconds: 600, maxAttempts: 5 });
  const spec = { purpose: "stepUp" as const, userId: "u1", phoneNumber: "+12065550123", phoneType: "mobile" as const };
  return { clock, store, challenges, spec };
}

const otherCode = (code: string) => (code === "000000" ? "000001" : "000000");

describe("codes", () => {
  it("are 6 digits, leading zeros kept, and vary", () => {
    const codes = Array.from({ length: 200 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it("are stored as a keyed hash bound to the challenge", () => {
    const hasher = createCodeHasher(Buffer.alloc(32, 1));
    const hash = hasher.hash("c1", "123456");
    expect(hash).not.toContain("123456");
    expect(hasher.matches(hash, "c1", "123456")).toBe(true);
    expect(hasher.matches(hash, "c1", " 123456 ")).toBe(true);
    expect(hasher.matches(hash, "c2", "123456")).toBe(false);
    expect(hasher.matches(hash, "c1", "123457")).toBe(false);
    expect(createCodeHasher(Buffer.alloc(32, 2)).matches(hash, "c1", "123456")).toBe(false);
  });
});

describe("code challenges", () => {
  it("accept the right code once", async () => {
    const { challenges, spec, store } = setup();
    const { challenge, code } = await challenges.issue(spec);
    expect(store.rows.get(challenge.id)!.codeHash).not.toContain(code);
    expect(await challenges.check(challenge.id, "stepUp", code)).toMatchObject({ verified: true });
    expect(await challenges.check(challenge.id, "stepUp", code)).toEqual({ verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it("refuse a code for another purpose without spending a try", async () => {
    const { challenges, spec, store } = setup();
    const { challenge, code } = await challenges.issue(spec);
    expect(await challenges.check(challenge.id, "signIn", code)).toEqual({ verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    expect(store.rows.get(challenge.id)!.attempts).toBe(0);
  });

  it("refuse an expired code", async () => {
    const { challenges, spec, clock } = setup();
    const { challenge, code } = await challenges.issue(spec);
    clock.advance(10 * MINUTE);
    expect(await challenges.check(challenge.id, "stepUp", code)).toEqual({ verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
  });

  it("die after 5 wrong tries: the right code then answers MAX_ATTEMPTS_EXCEEDED", async () => {
    const { challenges, spec } = setup();
    const { challenge, code } = await challenges.issue(spec);
    for (let i = 0; i < 5; i++) {
      expect(await challenges.check(challenge.id, "stepUp", otherCode(code))).toEqual({ verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    }
    expect(await challenges.check(challenge.id, "stepUp", code)).toEqual({ verified: false, failureReason: "MAX_ATTEMPTS_EXCEEDED" });
  });

  it("accept the right code on the fifth try", async () => {
    const { challenges, spec } = setup();
    const { challenge, code } = await challenges.issue(spec);
    for (let i = 0; i < 4; i++) await challenges.check(challenge.id, "stepUp", otherCode(code));
    expect(await challenges.check(challenge.id, "stepUp", code)).toMatchObject({ verified: true });
  });

  it("never let concurrent tries exceed the cap", async () => {
    const { challenges, spec, store } = setup();
    const { challenge, code } = await challenges.issue(spec);
    const results = await Promise.all(Array.from({ length: 12 }, () => challenges.check(challenge.id, "stepUp", otherCode(code))));
    expect(store.rows.get(challenge.id)!.attempts).toBe(5);
    expect(results.every((r) => !r.verified)).toBe(true);
  });

  it("retire the older challenge for the same purpose and number once the new one is active", async () => {
    const { challenges, spec } = setup();
    const first = await challenges.issue(spec);
    const second = await challenges.issue(spec);
    // Not active yet (the SMS is still on its way): the first stays valid.
    const other = await challenges.issue({ ...spec, userId: "u2" });
    await challenges.activate(other.challenge);
    await challenges.activate(second.challenge);
    expect(await challenges.check(first.challenge.id, "stepUp", first.code)).toEqual({ verified: false, failureReason: "CODE_INVALID_OR_EXPIRED" });
    expect(await challenges.check(other.challenge.id, "stepUp", other.code)).toMatchObject({ verified: true });
    expect(await challenges.check(second.challenge.id, "stepUp", second.code)).toMatchObject({ verified: true });
  });

  it("forget a discarded challenge (failed send)", async () => {
    const { challenges, spec, store } = setup();
    const { challenge } = await challenges.issue(spec);
    await challenges.discard(challenge);
    expect(store.rows.size).toBe(0);
  });
});

describe("challenge tokens", () => {
  function tokenSetup() {
    const clock = createManualClock(new Date("2026-11-23T09:00:00Z"));
    const rows = new Map<string, { kind: string; expiresAt: Date; consumedAt: Date | null }>();
    const store: IssuedTokenStore = {
      async insertIssuedToken(data) {
        rows.set(data.tokenHash, { kind: data.kind, expiresAt: data.expiresAt, consumedAt: null });
      },
      async consumeIssuedToken(tokenHash, kind, now) {
        const row = rows.get(tokenHash);
        if (!row || row.kind !== kind || row.consumedAt || row.expiresAt <= now) return false;
        row.consumedAt = now;
        return true;
      },
    };
    return { clock, rows, tokens: createChallengeTokens({ store, clock, ttlSeconds: 300 }) };
  }

  it("are random, stored only as a hash, and redeemable once", async () => {
    const { tokens, rows } = tokenSetup();
    const token = await tokens.issue("u1", "c1");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...rows.keys()][0]).not.toContain(token);
    expect(await tokens.redeem(token)).toBe(true);
    expect(await tokens.redeem(token)).toBe(false);
    expect(await tokens.redeem("")).toBe(false);
  });

  it("lapse after their lifetime", async () => {
    const { tokens, clock } = tokenSetup();
    const token = await tokens.issue("u1", "c1");
    clock.advance(5 * MINUTE);
    expect(await tokens.redeem(token)).toBe(false);
  });
});

describe("rate limiter", () => {
  function limiterSetup() {
    const clock = createManualClock(new Date("2026-11-23T09:00:00Z"));
    const buckets = new Map<string, { count: number; windowEnd: Date }>();
    const store: RateLimitBuckets = {
      async incrementBucket(key, now, windowMs) {
        const bucket = buckets.get(key);
        const next = !bucket || bucket.windowEnd <= now ? { count: 1, windowEnd: new Date(now.getTime() + windowMs) } : { ...bucket, count: bucket.count + 1 };
        buckets.set(key, next);
        return next;
      },
      async findBucket(key) {
        return buckets.get(key) ?? null;
      },
      async decrementBucket(key) {
        const bucket = buckets.get(key);
        if (bucket) buckets.set(key, { ...bucket, count: Math.max(0, bucket.count - 1) });
      },
      async deleteBucket(key) {
        buckets.delete(key);
      },
    };
    const rule = { name: "test", limit: 3, windowSeconds: 600, reason: "tooMany", message: "Too many" };
    return { clock, limiter: createRateLimiter({ buckets: store, clock }), rule };
  }

  it("allows the limit, then answers RATE_LIMITED with the seconds left in the window", async () => {
    const { clock, limiter, rule } = limiterSetup();
    for (let i = 0; i < 3; i++) await limiter.consume(rule, "a");
    clock.advance(4 * MINUTE + 500);
    const error = await limiter.consume(rule, "a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("RATE_LIMITED");
    expect((error as DomainError).meta).toEqual({ reason: "tooMany", retryAfterSeconds: 360 });
  });

  it("keeps subjects apart and starts over in the next window", async () => {
    const { clock, limiter, rule } = limiterSetup();
    for (let i = 0; i < 3; i++) await limiter.consume(rule, "a");
    await expect(limiter.consume(rule, "b")).resolves.toBeUndefined();
    await expect(limiter.consume(rule, "a")).rejects.toBeInstanceOf(DomainError);
    clock.advance(10 * MINUTE);
    await expect(limiter.consume(rule, "a")).resolves.toBeUndefined();
  });
});

describe("SMS templates", () => {
  it("need [Code] exactly once and one SMS worth of text", () => {
    expect(validateSmsTemplate("  Code: [Code]  ")).toBe("Code: [Code]");
    expect(() => validateSmsTemplate("Code:")).toThrow(DomainError);
    expect(() => validateSmsTemplate("[Code][Code]")).toThrow(DomainError);
    expect(validateSmsTemplate(`${"a".repeat(154)}[Code]`)).toHaveLength(160);
    expect(() => validateSmsTemplate(`${"a".repeat(155)}[Code]`)).toThrow(/at most 160/);
    expect(renderSmsTemplate("Your code is [Code].", "012345")).toBe("Your code is 012345.");
  });
});
