import { DomainError } from "../errors/domain-error.js";
import type { OperationStatus, PhoneType } from "../generated/prisma/enums.js";

/** Events the gateway publishes; payloads are JSON-safe so they can cross processes. */
export interface EventTopics {
  authenticationMethodChanged: {
    userId: string;
    kind: "added" | "updated" | "deleted";
    method:
      | { type: "phone"; phoneType: PhoneType; phoneNumber: string; smsSignInEnabled: boolean; createdAt: string }
      | { type: "password"; createdAt: string | null };
  };
  /**
   * Every session of the user that began before `revokedBefore` is over (password reset), but
   * `exceptSessionId`, the one a password was changed in.
   */
  sessionsRevoked: { userId: string; revokedBefore: string; exceptSessionId?: string };
  /** One session is over (signed out, or a refresh token reused): its tokens, and its sockets. */
  sessionEnded: { userId: string; sessionId: string };
  /** The user was deleted or their directory roles changed: sessions holding the old access end. */
  userAccessChanged: { userId: string; change: "deleted" | "directoryRolesChanged" };
  /** An audit event was committed: enough to filter on; subscribers read the row by id. */
  auditEventRecorded: { id: string; sequence: string; activity: string; actorId: string | null; targetUserId: string | null; occurredAt: string };
  operationChanged: {
    id: string;
    userId: string;
    status: OperationStatus;
    statusDetail: string | null;
    resourceLocation: string | null;
    createdAt: string;
    lastActionAt: string;
  };
}

export type Topic = keyof EventTopics;

export interface Subscription<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorResult<T>>;
}

/** Publish/subscribe between every server instance on one database (PostgreSQL LISTEN/NOTIFY, postgres-event-bus.ts). */
export interface EventBus {
  publish<K extends Topic>(topic: K, payload: EventTopics[K]): Promise<void>;
  /** The event as a PostgreSQL notification, for a transaction to send with its commit (publish-after-commit.ts). */
  notification<K extends Topic>(topic: K, payload: EventTopics[K]): { channel: string; payload: string };
  subscribe<K extends Topic>(topic: K, filter?: (payload: EventTopics[K]) => boolean): Subscription<EventTopics[K]>;
  /**
   * Calls `observer` with every event of `topic` this process hears, synchronously and before any
   * subscriber gets it: for what the process remembers (user-memory.ts). Not a subscriber: not
   * counted, never ended.
   */
  observe<K extends Topic>(topic: K, observer: (payload: EventTopics[K]) => void): void;
  /** Subscribers in this process (for readiness checks and metrics). */
  subscriberCount(topic: Topic): number;
  /** Whether this process hears every event published now (false while its listening connection is lost). */
  feedIsLive(): boolean;
  /** Called when the feed stops being live: events published until it is live again are not heard here. */
  onFeedInterrupted(listener: () => void): void;
  close(): Promise<void>;
}

type Listener = ((payload: unknown) => void) & { finish?: () => Promise<unknown> };

/**
 * Events a subscriber may leave unconsumed (a client that stops reading its socket). Past this
 * the subscription ends with an error instead of holding events in memory without bound.
 */
export const MAX_QUEUED_EVENTS = 1000;

export const subscriberFellBehind = () =>
  new DomainError("RATE_LIMITED", "The subscriber did not keep up with its events and the subscription was ended", { reason: "subscriberFellBehind" });

/** Fan-out to local subscribers; the transports feed it. */
export function createLocalFanout() {
  const listeners = new Map<Topic, Set<Listener>>();
  const observers = new Map<Topic, ((payload: unknown) => void)[]>();

  function deliver(topic: Topic, payload: unknown) {
    for (const observer of observers.get(topic) ?? []) observer(payload);
    for (const listener of listeners.get(topic) ?? []) listener(payload);
  }

  function observe<K extends Topic>(topic: K, observer: (payload: EventTopics[K]) => void) {
    const list = observers.get(topic) ?? [];
    list.push(observer as (payload: unknown) => void);
    observers.set(topic, list);
  }

  function subscribe<K extends Topic>(topic: K, filter?: (payload: EventTopics[K]) => boolean): Subscription<EventTopics[K]> {
    const queue: EventTopics[K][] = [];
    let waiting: ((r: IteratorResult<EventTopics[K]>) => void) | undefined;
    let done = false;
    let fellBehind = false;
    const listener: Listener = (payload) => {
      const typed = payload as EventTopics[K];
      if (done || (filter && !filter(typed))) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: typed, done: false });
      } else if (queue.length < MAX_QUEUED_EVENTS) queue.push(typed);
      else {
        fellBehind = true;
        void finish();
      }
    };
    let set = listeners.get(topic);
    if (!set) listeners.set(topic, (set = new Set()));
    set.add(listener);
    const finish = async (): Promise<IteratorResult<EventTopics[K]>> => {
      done = true;
      set!.delete(listener);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      return { value: undefined, done: true };
    };
    listener.finish = finish;
    return {
      next: () => {
        if (fellBehind) return Promise.reject(subscriberFellBehind());
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: finish,
      throw: async (error) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    deliver,
    subscribe,
    observe,
    subscriberCount: (topic: Topic) => listeners.get(topic)?.size ?? 0,
    /** Ends every open subscription (shutdown). */
    closeAll: async () => {
      for (const set of listeners.values()) for (const listener of [...set]) await listener.finish?.();
    },
  };
}
