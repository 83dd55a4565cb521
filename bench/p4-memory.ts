// P4: memory per idle authenticated subscriber. A gateway of its own (so that earlier load doesn't
// blur the figure), 2,000 graphql-ws connections from client processes with one subscription each;
// (RSS after - RSS before) / 2,000, read from /proc once every subscription is acknowledged and the
// gateway has been idle a few seconds. Then one event checks that every subscription is live.
import { ADMIN, AVERY, type BenchContext } from "./kit/gateway.js";
import { memoryKb } from "./kit/processes.js";
import { startSubscribers, untilAllLive } from "./kit/subscriber-pool.js";
import { detail, envCount, printFigure } from "./kit/stats.js";
import { METHODS_CHANGED, PHONE_MARKER, phoneNumbers } from "./p3-fanout.js";

const SUBSCRIBERS = envCount("BENCH_IDLE_SUBSCRIBERS", 2000);
const PROCESSES = envCount("BENCH_SUBSCRIBER_PROCESSES", 2);
const IDLE_MS = envCount("BENCH_IDLE_MS", 3000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchP4(ctx: BenchContext): Promise<void> {
  const phone = await ctx.averyPhone(); // on the shared gateway, which also seeds the database
  const averyId = await ctx.userId(AVERY);
  const reader = await ctx.token(ADMIN, ["UserAuthenticationMethod.Read.All"]);
  const writer = await ctx.token(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  const gateway = await ctx.startGateway();
  try {
    const updatePhone = async (phoneNumber: string) => {
      const res = await gateway.request(
        `mutation($u: ID, $id: ID!, $input: PhoneMethodInput!) { updatePhoneMethod(userId: $u, id: $id, input: $input) { id } }`,
        { u: AVERY, id: phone.id, input: { phoneNumber, phoneType: "mobile" } },
        { token: writer },
      );
      if (res.errors) throw new Error(`P4 updatePhoneMethod: ${JSON.stringify(res.errors)}`);
    };
    const subscribers = (total: number) =>
      startSubscribers({ total, processes: PROCESSES, url: gateway.url, query: METHODS_CHANGED, variables: { userId: averyId }, marker: PHONE_MARKER, connectionParams: { authorization: `Bearer ${reader}` } });

    // Warm-up: the code paths of a connection, a subscription and an event are loaded before "before".
    const numbers = phoneNumbers(201, 20);
    const warm = await subscribers(20);
    await untilAllLive(warm, updatePhone, numbers.slice(0, 5));
    await warm.close();
    await sleep(IDLE_MS);
    const before = memoryKb(gateway.pid);

    const pool = await subscribers(SUBSCRIBERS);
    try {
      await sleep(IDLE_MS);
      const after = memoryKb(gateway.pid);
      const perSubscriber = (after.rss - before.rss) / SUBSCRIBERS;
      const pssPerSubscriber = (after.pss - before.pss) / SUBSCRIBERS;
      await untilAllLive(pool, updatePhone, numbers.slice(5, 15));
      await sleep(IDLE_MS);
      const afterEvent = memoryKb(gateway.pid);
      printFigure(
        `P4 memory per idle authenticated subscriber (${SUBSCRIBERS}): ${perSubscriber.toFixed(1)} KB RSS (${pssPerSubscriber.toFixed(1)} KB PSS)`,
        "",
        `target < 30 KB (${perSubscriber < 30 ? "met" : "not met"})`,
      );
      const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
      detail(`gateway RSS ${mb(before.rss)} -> ${mb(after.rss)}, PSS ${mb(before.pss)} -> ${mb(after.pss)}, after ${IDLE_MS} ms idle`);
      detail(`then one event reached all ${SUBSCRIBERS}; ${IDLE_MS} ms later RSS ${mb(afterEvent.rss)}: ${((afterEvent.rss - before.rss) / SUBSCRIBERS).toFixed(1)} KB per subscriber`);
    } finally {
      await pool.close();
    }
    await updatePhone(phone.phoneNumber);
  } finally {
    await gateway.stop();
  }
}
