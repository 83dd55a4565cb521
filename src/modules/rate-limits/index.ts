import type { Prisma } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Sweep } from "../housekeeping/housekeeping.js";
import { createRateLimiter, type RateLimitRule } from "./rate-limiter.js";
import { createRateLimitsRepository } from "./rate-limits.repository.js";

/** Fixed-window rate limits shared by every server instance (sign-in, SMS sends and destinations). */
export const rateLimitsFeature = {
  create(deps: { prisma: Prisma; clock: Clock; onRefused?: (rule: RateLimitRule) => void }) {
    const buckets = createRateLimitsRepository(deps.prisma);
    const sweeps: Sweep[] = [{ name: "rateLimitBuckets", run: buckets.deleteEndedBuckets }];
    return { rateLimiter: createRateLimiter({ buckets, clock: deps.clock, onRefused: deps.onRefused }), sweeps };
  },
};
