import type { EventBus, EventTopics, Topic } from "../events/event-bus.js";
import { createLruCache } from "../lib/lru-cache.js";

/** Events after which what was read about a user's access (existence, roles, sessions) is stale. */
export const CALLER_TOPICS = ["userAccessChanged", "sessionsRevoked", "sessionEnded"] as const satisfies readonly Topic[];
type CallerTopic = (typeof CALLER_TOPICS)[number];

export interface CallerCacheOptions {
  /** Users remembered (each with up to `maxSessionsPerUser` sessions). */
  maxUsers?: number;
  maxSessionsPerUser?: number;
  /**
   * A backstop for what events can't tell: changes made by hand in the database, or a listening
   * connection that stopped delivering without failing (a network partition). Entries are read
   * again after this.
   */
  ttlMs?: number;
  now?: () => number;
}

interface UserEntry<T> {
  storedAt: number;
  sessions: Map<string, T>;
}

/**
 * What authenticating a token read about its caller (user, directory roles, revocation time,
 * the token's session), shared by the requests of this process so a caller's next request costs
 * no statement for it. Every change to those facts publishes an event (a deletion or role change,
 * a password reset or change, a sign-out, a reused refresh token): this instance forgets the user
 * when it publishes one, and every other instance when it hears it over LISTEN/NOTIFY, within
 * milliseconds. While the bus is not hearing events (its connection was lost), nothing is
 * remembered; a read that overlapped a change is not kept.
 */
export function createCallerCache<T extends object>(bus: Pick<EventBus, "subscribe" | "feedIsLive" | "onFeedInterrupted">, options: CallerCacheOptions = {}) {
  const maxSessionsPerUser = options.maxSessionsPerUser ?? 16;
  const ttlMs = options.ttlMs ?? 5_000;
  const now = options.now ?? Date.now;
  const users = createLruCache<string, UserEntry<T>>(options.maxUsers ?? 10_000);
  // Bumped by every forget: a read begun before one is not kept, whichever user it was about.
  let epoch = 0;

  const forgetUser = (userId: string) => {
    epoch++;
    users.delete(userId);
  };
  const forgetAll = () => {
    epoch++;
    users.clear();
  };

  // Once a follower is over (the bus closed), this process may miss changes: nothing is remembered.
  let following = true;
  for (const topic of CALLER_TOPICS) void follow(topic);
  async function follow(topic: CallerTopic) {
    try {
      for await (const event of bus.subscribe(topic)) forgetUser((event as EventTopics[CallerTopic]).userId);
    } catch {
      // Ended with an error: handled as an end.
    }
    following = false;
    forgetAll();
  }
  bus.onFeedInterrupted(forgetAll);

  return {
    /**
     * The caller's facts for this token's session: remembered, or read by `read` (and remembered
     * if no change was announced meanwhile and the bus is hearing events). Values are frozen:
     * requests share them.
     */
    async load(userId: string, sessionId: string, read: () => Promise<T | null>): Promise<T | null> {
      const entry = users.get(userId);
      if (entry && now() - entry.storedAt < ttlMs) {
        const hit = entry.sessions.get(sessionId);
        if (hit) return hit;
      }
      const began = epoch;
      const value = await read();
      if (value === null || began !== epoch || !following || !bus.feedIsLive()) return value;
      for (const field of Object.values(value)) if (Array.isArray(field)) Object.freeze(field);
      Object.freeze(value);
      let current = users.get(userId);
      if (!current || now() - current.storedAt >= ttlMs) users.set(userId, (current = { storedAt: now(), sessions: new Map() }));
      if (current.sessions.size >= maxSessionsPerUser) current.sessions.clear();
      current.sessions.set(sessionId, value);
      return value;
    },
    /** Called as this instance publishes an event that changes a user's access, before other instances hear it. */
    forgetUser,
    forgetAll,
    /** Whether `topic` carries a change to a user's access. */
    isCallerTopic: (topic: Topic): topic is CallerTopic => (CALLER_TOPICS as readonly Topic[]).includes(topic),
  };
}

export type CallerCache<T extends object> = ReturnType<typeof createCallerCache<T>>;

/**
 * The bus as the services see it, forgetting a user's cached access in this process as soon as
 * an event about it is published, and again once the transaction it was published in commits
 * (a read made meanwhile saw the old state), not only once the event comes back through the
 * database.
 */
export function forgettingOnPublish(
  bus: EventBus,
  cache: Pick<CallerCache<object>, "forgetUser" | "isCallerTopic">,
  transactions: { afterCommit(fn: () => unknown): Promise<void> },
): EventBus {
  return {
    ...bus,
    publish: async (topic, payload) => {
      if (!cache.isCallerTopic(topic)) return bus.publish(topic, payload);
      const forget = () => cache.forgetUser((payload as EventTopics[typeof topic]).userId);
      forget();
      await bus.publish(topic, payload);
      await transactions.afterCommit(forget);
    },
  };
}
