import type { SmsOutboxEntry } from "../../src/connectors/sms/index.js";
import type { TestServer } from "./test-server.js";

/**
 * Resolves once the server's SMS delivery worker has nothing due: every queued message (SMS
 * sign-in codes are texted in the background) was sent, dropped or failed. Retries scheduled
 * for later don't count.
 */
export async function smsQueueDrained(server: Pick<TestServer, "app" | "clock">, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await server.app.database.prisma.smsDelivery.count({
      where: { OR: [{ status: "sending" }, { status: "queued", nextAttemptAt: { lte: server.clock.now() } }] },
    });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} SMS deliveries still pending`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The latest message the `console` gateway received for `e164`, once the queue is drained. */
export async function deliveredSms(server: Pick<TestServer, "app" | "clock">, e164: string): Promise<SmsOutboxEntry | undefined> {
  await smsQueueDrained(server);
  return server.app.smsOutbox.last(e164);
}
