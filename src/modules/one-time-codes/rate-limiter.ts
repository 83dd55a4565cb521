import { DomainError } from "../../errors/domain-error.js";
import type { Clock } from "../../lib/clock.js";

export interface RateLimitRule {
  /** Part of the bucket key, e.g. `sms-send:number`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** `extensions.reason` when the limit is passed. */
  reason: string;
  message: string;
}

export interface RateLimitBuckets {
  /**
   * Atomically counts one hit in the bucket's current fixed window, starting a new window
   * (`now` .. `now + windowMs`) when the stored one has ended; returns the count and window end.
   */
  incrementBucket(key: string, now: Date, windowMs: number): Promise<{ count: number; windowEnd: Date }>;
}

/** Fixed-window rate limits kept in the database, so that every server instance shares them. */
export function createRateLimiter(deps: { buckets: RateLimitBuckets; clock: Clock }) {
  return {
    /** Counts a hit for `subject` under `rule`; past the limit, RATE_LIMITED with `retryAfterSeconds`. */
    async consume(rule: RateLimitRule, subject: string): Promise<void> {
      const now = deps.clock.now();
      const { count, windowEnd } = await deps.buckets.incrementBucket(`${rule.name}:${subject}`, now, rule.windowSeconds * 1000);
      if (count > rule.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000));
        throw new DomainError("RATE_LIMITED", `${rule.message}; try again in ${retryAfterSeconds} seconds`, { reason: rule.reason, retryAfterSeconds });
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
