import type { EventBus, Topic } from "../events/event-bus.js";
import { createUserMemory, type UserMemoryOptions } from "../events/user-memory.js";

/** Events after which what was read about a user's access (existence, roles, sessions) is stale. */
export const CALLER_TOPICS = ["userAccessChanged", "sessionsRevoked", "sessionEnded"] as const satisfies readonly Topic[];

export interface CallerCacheOptions extends Omit<UserMemoryOptions, "maxKeysPerUser"> {
  /** Sessions remembered per user. */
  maxSessionsPerUser?: number;
}

/**
 * What authenticating a token read about its caller (user, directory roles, revocation time,
 * the token's session), shared by the requests of this process so a caller's next request costs
 * no statement for it: a user memory (user-memory.ts) keyed by the token's session. Every change
 * to those facts publishes an event (a deletion or role change, a password reset or change, a
 * sign-out, a reused refresh token).
 */
export function createCallerCache<T extends object>(bus: Pick<EventBus, "observe" | "feedIsLive" | "onFeedInterrupted">, options: CallerCacheOptions = {}) {
  const memory = createUserMemory<T>(bus, CALLER_TOPICS, { ...options, maxKeysPerUser: options.maxSessionsPerUser });
  return {
    /** The caller's facts for this token's session: remembered, or read by `read`. */
    load: (userId: string, sessionId: string, read: () => Promise<T | null>) => memory.load(userId, sessionId, read),
    forgetUser: memory.forgetUser,
    forgetAll: memory.forgetAll,
    follows: memory.follows,
  };
}

export type CallerCache<T extends object> = ReturnType<typeof createCallerCache<T>>;
