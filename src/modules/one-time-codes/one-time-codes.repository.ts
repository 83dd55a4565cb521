import type { Prisma } from "../../db/database.js";
import type { ChallengeRecord, ChallengeStore, NewChallenge } from "./code-challenges.js";
import type { IssuedTokenStore } from "./challenge-tokens.js";
import type { RateLimitBuckets } from "./rate-limiter.js";

/** Storage of verification challenges, single-use challenge tokens and rate-limit buckets. */
export function createOneTimeCodesRepository(prisma: Prisma): ChallengeStore & IssuedTokenStore & RateLimitBuckets {
  return {
    insertChallenge: async (data: NewChallenge) => (await prisma.verificationChallenge.create({ data })) as ChallengeRecord,

    findChallengeById: async (id: string) => (await prisma.verificationChallenge.findUnique({ where: { id } })) as ChallengeRecord | null,

    async deleteChallenge(id) {
      await prisma.verificationChallenge.deleteMany({ where: { id } });
    },

    async retireLiveChallenges({ purpose, phoneNumber, userId, exceptId, now }) {
      await prisma.verificationChallenge.updateMany({
        where: { purpose, phoneNumber, consumedAt: null, id: { not: exceptId }, ...(userId !== undefined ? { userId } : {}) },
        data: { consumedAt: now },
      });
    },

    async countChallengeAttempt(id, now, maxAttempts) {
      const { count } = await prisma.verificationChallenge.updateMany({
        where: { id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      return count === 1 ? ((await prisma.verificationChallenge.findUnique({ where: { id } })) as ChallengeRecord | null) : null;
    },

    async consumeChallenge(id, now) {
      const { count } = await prisma.verificationChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
      return count === 1;
    },

    insertIssuedToken: (data) => prisma.issuedToken.create({ data }),

    async consumeIssuedToken(tokenHash, kind, now) {
      const { count } = await prisma.issuedToken.updateMany({
        where: { tokenHash, kind, consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      });
      return count === 1;
    },

    /** One statement, so concurrent hits on a bucket are all counted. */
    async incrementBucket(key, now, windowMs) {
      const windowEnd = new Date(now.getTime() + windowMs);
      const rows = await prisma.$queryRaw<{ count: number; windowEnd: Date }[]>`
        INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "windowEnd")
        VALUES (${key}, 1, ${now}, ${windowEnd})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimitBucket"."windowEnd" <= EXCLUDED."windowStart" THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
          "windowStart" = CASE WHEN "RateLimitBucket"."windowEnd" <= EXCLUDED."windowStart" THEN EXCLUDED."windowStart" ELSE "RateLimitBucket"."windowStart" END,
          "windowEnd" = CASE WHEN "RateLimitBucket"."windowEnd" <= EXCLUDED."windowStart" THEN EXCLUDED."windowEnd" ELSE "RateLimitBucket"."windowEnd" END
        RETURNING "count", "windowEnd"`;
      const row = rows[0]!;
      return { count: Number(row.count), windowEnd: new Date(row.windowEnd) };
    },
  };
}

export type OneTimeCodesRepository = ReturnType<typeof createOneTimeCodesRepository>;
