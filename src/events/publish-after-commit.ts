import type { Transactions } from "../db/transactions.js";
import type { EventBus } from "./event-bus.js";

/**
 * The bus as services see it: an event published inside a transaction is a NOTIFY sent on the
 * transaction's own connection, which PostgreSQL delivers when it commits (never for a change that
 * rolled back, never before subscribers could read it, in the order published, and without a round
 * trip of its own); outside a transaction, it goes out at once.
 */
export function publishAfterCommit(bus: EventBus, transactions: Pick<Transactions, "notifyOnCommit">): EventBus {
  return {
    ...bus,
    publish: async (topic, payload) => {
      const { channel, payload: text } = bus.notification(topic, payload);
      if (!transactions.notifyOnCommit(channel, text)) await bus.publish(topic, payload);
    },
  };
}
