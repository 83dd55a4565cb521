// P3: from a mutation sent (HTTP) to the event received, at 1,000 graphql-ws subscribers held by
// two client processes, all following one user's methods; the mutation is an admin's
// updatePhoneMethod on that user's phone, repeated sequentially with a new number each time (the
// number tells the rounds apart). Reference: a bare graphql-ws server with an in-process pub/sub
// (bench/reference/graphql-ws-pubsub.mjs), published by an HTTP POST, with the same clients.
import { ADMIN, AVERY, type BenchContext } from "./kit/gateway.js";
import { startReference } from "./kit/reference.js";
import { startSubscribers, untilAllLive, type SubscriberPool } from "./kit/subscriber-pool.js";
import { detail, envCount, median, ms, percentile, printFigure } from "./kit/stats.js";

const SUBSCRIBERS = envCount("BENCH_SUBSCRIBERS", 1000);
const PROCESSES = envCount("BENCH_SUBSCRIBER_PROCESSES", 2);
const ROUNDS = envCount("BENCH_FANOUT_ROUNDS", 20);

export const METHODS_CHANGED =
  "subscription($userId: ID) { authenticationMethodsChanged(userId: $userId) { userId kind method { id ... on PhoneAuthenticationMethod { phoneNumber phoneType smsSignInState } } } }";
/** The phone number in an event frame: which round it belongs to. */
export const PHONE_MARKER = '"phoneNumber":"([^"]*)"';
const now = () => performance.timeOrigin + performance.now();

/** Distinct display-form numbers, one per published event: +1 206555 0101, 0102, ... */
export const phoneNumbers = (from: number, count: number) => Array.from({ length: count }, (_, i) => `+1 20655${String(50000 + from + i).padStart(5, "0")}`);

interface Rounds {
  latencies: number[];
  /** Per round: the mutation's own HTTP round trip, the first and the last arrival. */
  response: number[];
  first: number[];
  last: number[];
}

/** Publishes each marker in turn, waiting for it to reach every subscriber before the next. */
async function measureRounds(pool: SubscriberPool, publish: (marker: string) => Promise<void>, markers: string[]): Promise<Rounds> {
  const rounds: Rounds = { latencies: [], response: [], first: [], last: [] };
  for (const marker of markers) {
    const sentAt = now();
    await publish(marker);
    rounds.response.push(now() - sentAt);
    const arrivals = (await pool.arrivals(marker)).map((at) => at - sentAt);
    rounds.latencies.push(...arrivals);
    rounds.first.push(Math.min(...arrivals));
    rounds.last.push(Math.max(...arrivals));
  }
  return rounds;
}

async function withPool<T>(options: Parameters<typeof startSubscribers>[0], use: (pool: SubscriberPool) => Promise<T>): Promise<T> {
  const pool = await startSubscribers(options);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

export async function benchP3(ctx: BenchContext): Promise<void> {
  const gateway = await ctx.gateway();
  const phone = await ctx.averyPhone();
  const averyId = await ctx.userId(AVERY);
  const reader = await ctx.token(ADMIN, ["UserAuthenticationMethod.Read.All"]);
  const writer = await ctx.token(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);
  const numbers = phoneNumbers(101, 10 + ROUNDS);
  const [warmUps, measured] = [numbers.slice(0, 10), numbers.slice(10)];
  const shared = { total: SUBSCRIBERS, processes: PROCESSES, query: METHODS_CHANGED, variables: { userId: averyId }, marker: PHONE_MARKER };

  const updatePhone = async (phoneNumber: string) => {
    const res = await gateway.request(
      `mutation($u: ID, $id: ID!, $input: PhoneMethodInput!) { updatePhoneMethod(userId: $u, id: $id, input: $input) { id } }`,
      { u: AVERY, id: phone.id, input: { phoneNumber, phoneType: "mobile" } },
      { token: writer },
    );
    if (res.errors) throw new Error(`P3 updatePhoneMethod: ${JSON.stringify(res.errors)}`);
  };
  const ours = await withPool({ ...shared, url: gateway.url, connectionParams: { authorization: `Bearer ${reader}` } }, async (pool) => {
    await untilAllLive(pool, updatePhone, warmUps);
    return measureRounds(pool, updatePhone, measured);
  });
  // Avery's phone as P1 left it, for whatever runs next.
  await updatePhone(phone.phoneNumber);

  const reference = await startReference("graphql-ws-pubsub.mjs");
  let bare: Rounds;
  try {
    const publish = async (phoneNumber: string) => {
      const response = await fetch(new URL("/publish", reference.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: averyId, phoneNumber }) });
      if (response.status !== 204) throw new Error(`P3 reference publish: ${response.status}`);
    };
    bare = await withPool({ ...shared, url: reference.url, connectionParams: {} }, async (pool) => {
      await untilAllLive(pool, publish, warmUps);
      return measureRounds(pool, publish, measured);
    });
  } finally {
    await reference.stop();
  }

  const p99 = percentile(ours.latencies, 99);
  const bareP99 = percentile(bare.latencies, 99);
  const latency = (r: Rounds) => `p99 ${ms(percentile(r.latencies, 99))} (p50 ${ms(median(r.latencies))})`;
  printFigure(
    `P3 mutation -> event at ${SUBSCRIBERS} subscribers: ${latency(ours)}`,
    `bare graphql-ws + in-process pub/sub: ${latency(bare)}`,
    `ratio ${(p99 / bareP99).toFixed(2)} (target <= 1.5 and p99 < 100 ms: ${p99 / bareP99 <= 1.5 && p99 < 100 ? "met" : "not met"})`,
  );
  const rounds = (r: Rounds) =>
    `mutation answered p50 ${ms(median(r.response))}, first arrival p50 ${ms(median(r.first))}, last arrival p50 ${ms(median(r.last))}, max ${ms(Math.max(...r.latencies))}`;
  detail(`gateway:   ${rounds(ours)}`);
  detail(`reference: ${rounds(bare)}`);
  detail(`${ROUNDS} sequential events x ${SUBSCRIBERS} subscribers in ${PROCESSES} client processes (after warm-up events reached all)`);
}
