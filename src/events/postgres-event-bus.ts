import pg from "pg";
import type { Logger } from "../logging/logger.js";
import { createLocalFanout, type EventBus, type Topic } from "./event-bus.js";

const CHANNEL = "authgate_events";
// NOTIFY payloads are limited to 8000 bytes; our events are far smaller.
const MAX_PAYLOAD = 7900;

/**
 * Pub/sub over PostgreSQL LISTEN/NOTIFY, so every server instance on one database sees every
 * event (a subscriber on server B hears about a reset started on server A). Each instance
 * delivers its own events through the same path, which keeps ordering identical everywhere.
 */
export async function createPostgresEventBus(connectionString: string, logger: Logger): Promise<EventBus> {
  const fanout = createLocalFanout();
  let closed = false;
  let listener: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  const interruptionListeners: (() => void)[] = [];
  const publisher = new pg.Pool({ connectionString, max: 2 });
  publisher.on("error", () => {});

  const connect = async (): Promise<void> => {
    // TCP keepalive: a listening connection to a server that vanished is noticed (and reported) rather than kept silent.
    const client = new pg.Client({ connectionString, keepAlive: true });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: Topic; payload: unknown };
        fanout.deliver(topic, payload);
      } catch (error) {
        logger.warn({ err: error }, "ignoring malformed event");
      }
    });
    // A lost connection may say so twice (error, then end): it is handled once.
    const lost = (error?: unknown) => {
      if (listener !== client) return;
      listener = undefined;
      for (const interrupted of interruptionListeners) interrupted();
      if (closed) return;
      logger.warn({ err: error }, "event listener connection lost; reconnecting");
      setTimeout(() => void reconnect(), 500);
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  const reconnect = () => (connecting ??= connect().catch((error) => {
    logger.warn({ err: error }, "event listener could not connect; retrying");
    if (!closed) setTimeout(() => void reconnect(), 1000);
  }).finally(() => (connecting = undefined)));

  await connect();

  const notification = (topic: Topic, payload: unknown) => {
    const text = JSON.stringify({ topic, payload });
    if (Buffer.byteLength(text) > MAX_PAYLOAD) throw new Error(`event ${topic} is too large for NOTIFY`);
    return { channel: CHANNEL, payload: text };
  };

  return {
    async publish(topic, payload) {
      const { channel, payload: text } = notification(topic, payload);
      await publisher.query("SELECT pg_notify($1, $2)", [channel, text]);
    },
    notification,
    subscribe: fanout.subscribe,
    observe: fanout.observe,
    subscriberCount: fanout.subscriberCount,
    feedIsLive: () => listener !== undefined && !closed,
    onFeedInterrupted: (interrupted) => void interruptionListeners.push(interrupted),
    async close() {
      closed = true;
      const client = listener;
      listener = undefined;
      for (const interrupted of interruptionListeners) interrupted();
      await fanout.closeAll();
      await client?.end().catch(() => {});
      await publisher.end().catch(() => {});
    },
  };
}
