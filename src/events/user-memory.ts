import { createLruCache } from "../lib/lru-cache.js";
import type { EventBus, EventTopics, Topic } from "./event-bus.js";

/** Topics whose events name the user they are about. */
type UserTopic = { [K in Topic]: EventTopics[K] extends { userId: string } ? K : never }[Topic];

export interface UserMemoryOptions {
  /** Users remembered (each with up to `maxKeysPerUser` values). */
  maxUsers?: number;
  maxKeysPerUser?: number;
  /**
   * A backstop for what events can't tell: changes made by hand in the database, or a listening
   * connection that stopped delivering without failing (a network partition). Values are read
   * again after this.
   */
  ttlMs?: number;
  now?: () => number;
}

interface UserEntry<T> {
  storedAt: number;
  values: Map<string, T>;
}

/**
 * What this process read about users, shared by its requests until an event says it changed.
 * Every change to what is remembered publishes one of `topics` naming the user: this instance
 * forgets the user when it publishes one (`forgettingOnPublish`), every other instance when it
 * hears it over LISTEN/NOTIFY, within milliseconds. While the bus is not hearing events (its
 * connection was lost) nothing is remembered, and a read that overlapped any forgetting is not
 * kept. Values are frozen: requests share them.
 */
export function createUserMemory<T extends object>(
  bus: Pick<EventBus, "observe" | "feedIsLive" | "onFeedInterrupted">,
  topics: readonly UserTopic[],
  options: UserMemoryOptions = {},
) {
  const maxKeysPerUser = options.maxKeysPerUser ?? 16;
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

  // Heard before any subscriber gets the event (a client told of a change never finds it remembered here).
  for (const topic of topics) bus.observe(topic, (event) => forgetUser((event as { userId: string }).userId));
  bus.onFeedInterrupted(forgetAll);

  function get(userId: string, key: string): T | undefined {
    const entry = users.get(userId);
    return entry && now() - entry.storedAt < ttlMs ? entry.values.get(key) : undefined;
  }

  /** Keeps `value`, read since `began` (an `epoch()`), unless something was forgotten meanwhile. */
  function keep(userId: string, key: string, value: T, began: number): T {
    // A closed bus is not live either: nothing is remembered once it can't tell of changes.
    if (began !== epoch || !bus.feedIsLive()) return value;
    for (const field of Object.values(value)) if (typeof field === "object" && field !== null) Object.freeze(field);
    Object.freeze(value);
    let entry = users.get(userId);
    if (!entry || now() - entry.storedAt >= ttlMs) users.set(userId, (entry = { storedAt: now(), values: new Map() }));
    if (entry.values.size >= maxKeysPerUser) entry.values.clear();
    entry.values.set(key, value);
    return value;
  }

  return {
    get,
    keep,
    /** The moment a read begins, for `keep`. */
    epoch: () => epoch,
    /** Remembered, or read by `read` (and remembered as `keep` allows; a null is not kept). */
    async load(userId: string, key: string, read: () => Promise<T | null>): Promise<T | null> {
      const hit = get(userId, key);
      if (hit) return hit;
      const began = epoch;
      const value = await read();
      return value === null ? null : keep(userId, key, value, began);
    },
    forgetUser,
    forgetAll,
    /** Whether events of `topic` make this memory forget their user. */
    follows: (topic: Topic) => (topics as readonly Topic[]).includes(topic),
  };
}

export type UserMemory<T extends object> = ReturnType<typeof createUserMemory<T>>;

/**
 * The bus as the services see it, making this process's user memories forget a user as soon as
 * an event about them is published, and again once the transaction it was published in commits
 * (a read made meanwhile saw the old state), not only once the event comes back through the
 * database.
 */
export function forgettingOnPublish(
  bus: EventBus,
  memories: readonly Pick<UserMemory<object>, "forgetUser" | "follows">[],
  transactions: { afterCommit(fn: () => unknown): Promise<void> },
): EventBus {
  return {
    ...bus,
    publish: async (topic, payload) => {
      const forgetting = memories.filter((memory) => memory.follows(topic));
      if (forgetting.length === 0) return bus.publish(topic, payload);
      const { userId } = payload as EventTopics[typeof topic] & { userId: string };
      const forget = () => forgetting.forEach((memory) => memory.forgetUser(userId));
      forget();
      await bus.publish(topic, payload);
      await transactions.afterCommit(forget);
    },
  };
}
