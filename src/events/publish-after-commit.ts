import type { Transactions } from "../db/transactions.js";
import type { EventBus } from "./event-bus.js";

/**
 * The bus as services see it: an event published inside a transaction goes out once that
 * transaction commits (never for a change that rolled back, never before subscribers could read
 * it); outside a transaction, at once.
 */
export function publishAfterCommit(bus: EventBus, transactions: Pick<Transactions, "afterCommit">): EventBus {
  return {
    publish: (topic, payload) => transactions.afterCommit(() => bus.publish(topic, payload)),
    subscribe: (topic, filter) => bus.subscribe(topic, filter),
    subscriberCount: (topic) => bus.subscriberCount(topic),
    feedIsLive: () => bus.feedIsLive(),
    onFeedInterrupted: (listener) => bus.onFeedInterrupted(listener),
    close: () => bus.close(),
  };
}
