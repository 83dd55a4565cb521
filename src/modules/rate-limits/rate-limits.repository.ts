import type { Prisma } from "../../db/database.js";
import type { RateLimitBuckets } from "./rate-limiter.js";

/** Fixed-window counters in the database, shared by every server instance. */
export function createRateLimitsRepository(prisma: Prisma) {
  const buckets: RateLimitBuckets = {
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

    async findBucket(key) {
      return prisma.rateLimitBucket.findUnique({ where: { key }, select: { count: true, windowEnd: true } });
    },

    async decrementBucket(key) {
      await prisma.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
    },

    async deleteBucket(key) {
      await prisma.rateLimitBucket.deleteMany({ where: { key } });
    },
  };
  return {
    ...buckets,
    /** Buckets whose window ended before `before` count nothing any more: removes them. */
    async deleteEndedBuckets(before: Date): Promise<number> {
      return (await prisma.rateLimitBucket.deleteMany({ where: { windowEnd: { lt: before } } })).count;
    },
  };
}
