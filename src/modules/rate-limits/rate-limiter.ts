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
  findBucket(key: string): Promise<{ count: number; windowEnd: Date } | null>;
  /** Takes one hit back (never below zero): a reservation that turned out not to count. */
  decrementBucket(key: string): Promise<void>;
  deleteBucket(key: string): Promise<void>;
}

/** Fixed-window rate limits kept in the database, so that every server instance shares them. */
export function createRateLimiter(deps: { buckets: RateLimitBuckets; clock: Clock; onRefused?: (rule: RateLimitRule) => void }) {
  const tooMany = (rule: RateLimitRule, windowEnd: Date, now: Date) => {
    deps.onRefused?.(rule);
    // `now` was read before the statement ran, so a window a parallel request opened a moment
    // later can end a few milliseconds past now + window: never ask for more than the window.
    const retryAfterSeconds = Math.min(rule.windowSeconds, Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)));
    return new DomainError("RATE_LIMITED", `${rule.message}; try again in ${retryAfterSeconds} seconds`, { reason: rule.reason, retryAfterSeconds });
  };
  return {
    /** Refuses (RATE_LIMITED) when `subject` has already used up `rule` in the current window, without counting. */
    async assertNotExceeded(rule: RateLimitRule, subject: string): Promise<void> {
      const now = deps.clock.now();
      const bucket = await deps.buckets.findBucket(`${rule.name}:${subject}`);
      if (bucket && bucket.windowEnd > now && bucket.count >= rule.limit) throw tooMany(rule, bucket.windowEnd, now);
    },
    /** Counts a hit without refusing; the next assertNotExceeded sees it. */
    async record(rule: RateLimitRule, subject: string): Promise<void> {
      await deps.buckets.incrementBucket(`${rule.name}:${subject}`, deps.clock.now(), rule.windowSeconds * 1000);
    },
    /**
     * Counts an attempt before doing it, so that parallel attempts can never pass the limit
     * together (RATE_LIMITED past it); `release` takes it back if it turns out not to count.
     */
    async reserve(rule: RateLimitRule, subject: string): Promise<{ release(): Promise<void> }> {
      const now = deps.clock.now();
      const key = `${rule.name}:${subject}`;
      const { count, windowEnd } = await deps.buckets.incrementBucket(key, now, rule.windowSeconds * 1000);
      if (count > rule.limit) {
        await deps.buckets.decrementBucket(key);
        throw tooMany(rule, windowEnd, now);
      }
      return { release: () => deps.buckets.decrementBucket(key) };
    },
    async reset(rule: RateLimitRule, subject: string): Promise<void> {
      await deps.buckets.deleteBucket(`${rule.name}:${subject}`);
    },
    /** Counts a hit for `subject` under `rule`; past the limit, RATE_LIMITED with `retryAfterSeconds`. */
    async consume(rule: RateLimitRule, subject: string): Promise<void> {
      const now = deps.clock.now();
      const { count, windowEnd } = await deps.buckets.incrementBucket(`${rule.name}:${subject}`, now, rule.windowSeconds * 1000);
      if (count > rule.limit) throw tooMany(rule, windowEnd, now);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
