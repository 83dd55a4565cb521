// P1: requests/s of an authenticated read (Avery's own methods, bearer token) with 50 connections,
// against a bare Apollo Server 5 answering `{ hello }`, same load generator (autocannon, in this
// process) and settings, each server in a process of its own, measured in alternating rounds.
import autocannon from "autocannon";
import { AVERY, type BenchContext } from "./kit/gateway.js";
import { cpuMs } from "./kit/processes.js";
import { startReference } from "./kit/reference.js";
import { detail, envCount, printFigure } from "./kit/stats.js";

export const P1_QUERY = "{ me { authentication { methods { id ... on PhoneAuthenticationMethod { phoneNumber smsSignInState } } } } }";

const CONNECTIONS = envCount("BENCH_CONNECTIONS", 50);
const DURATION_S = envCount("BENCH_DURATION", 8);
const WARM_UP_S = envCount("BENCH_WARM_UP", 2);
const ROUNDS = envCount("BENCH_ROUNDS", 4);

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** The server process's CPU time per request of the measured run (steadier than req/s on a shared machine). */
  cpuMsPerRequest: number;
}

interface Target {
  url: string;
  pid: number;
  body: string;
  headers: Record<string, string>;
  ok: (body: string) => boolean;
}

/** One run of `duration` seconds; every response must be a 200 whose body passes `ok`. */
async function run(target: Target, duration: number): Promise<Load> {
  const cpuBefore = cpuMs(target.pid);
  const result = await autocannon({
    url: target.url,
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers },
    body: target.body,
    connections: CONNECTIONS,
    duration,
    verifyBody: (b) => target.ok(String(b ?? "")),
  });
  const cpuMsPerRequest = (cpuMs(target.pid) - cpuBefore) / Math.max(1, result.requests.total);
  const bad = [
    result.non2xx && `${result.non2xx} non-2xx responses`,
    result.errors && `${result.errors} errors`,
    result.timeouts && `${result.timeouts} timeouts`,
    result.mismatches && `${result.mismatches} bodies with errors or without the expected data`,
  ].filter(Boolean);
  if (bad.length) throw new Error(`P1 load on ${target.url}: ${bad.join(", ")} of ${result.requests.total} requests`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, cpuMsPerRequest };
}

/** Runs of several rounds, summed: requests/s over all of them, the median round's latencies. */
function combine(loads: Load[]): Load {
  const total = loads.reduce((sum, l) => sum + l.total, 0);
  const mid = [...loads].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(loads.length / 2)]!;
  return {
    requestsPerSecond: loads.reduce((sum, l) => sum + l.requestsPerSecond, 0) / loads.length,
    p50: mid.p50,
    p99: mid.p99,
    total,
    cpuMsPerRequest: loads.reduce((sum, l) => sum + l.cpuMsPerRequest * l.total, 0) / Math.max(1, total),
  };
}

async function checkOnce(url: string, body: string, headers: Record<string, string>, ok: (text: string) => boolean) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  if (response.status !== 200 || !ok(text)) throw new Error(`P1: ${url} answered ${response.status} ${text}`);
  return text;
}

export async function benchP1(ctx: BenchContext): Promise<void> {
  const gateway = await ctx.gateway();
  const phone = await ctx.averyPhone();
  const token = await ctx.token(AVERY, ["UserAuthenticationMethod.Read"]);
  const gatewayRequest = { body: JSON.stringify({ query: P1_QUERY }), headers: { authorization: `Bearer ${token}` } };
  // The phone's number in the display form the API returns.
  const gatewayOk = (text: string) => !text.includes('"errors"') && text.includes(`"phoneNumber":"${phone.phoneNumber}"`);
  console.log(`  one response, checked: ${await checkOnce(gateway.url, gatewayRequest.body, gatewayRequest.headers, gatewayOk)}`);

  const reference = await startReference("apollo-hello.mjs");
  const bareRuns: Load[] = [];
  const gatewayRuns: Load[] = [];
  try {
    const referenceOk = (text: string) => text.includes('{"data":{"hello":"world"}}') && !text.includes('"errors"');
    await checkOnce(reference.url, JSON.stringify({ query: "{ hello }" }), {}, referenceOk);
    const referenceTarget: Target = { url: reference.url, pid: reference.process.pid!, body: JSON.stringify({ query: "{ hello }" }), headers: {}, ok: referenceOk };
    const gatewayTarget: Target = { url: gateway.url, pid: gateway.pid, ...gatewayRequest, ok: gatewayOk };
    await run(referenceTarget, WARM_UP_S);
    await run(gatewayTarget, WARM_UP_S);
    // Alternating rounds: both servers see the same moments of a shared machine.
    const roundSeconds = Math.max(1, Math.round(DURATION_S / ROUNDS));
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await run(referenceTarget, roundSeconds));
      gatewayRuns.push(await run(gatewayTarget, roundSeconds));
    }
  } finally {
    await reference.stop();
  }
  const bare = combine(bareRuns);
  const measured = combine(gatewayRuns);

  const ratio = measured.requestsPerSecond / bare.requestsPerSecond;
  const perSecond = (l: Load) => `${l.requestsPerSecond.toFixed(0)} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms)`;
  printFigure(
    `P1 authenticated me{methods}, ${CONNECTIONS} connections: ${perSecond(measured)}`,
    `bare Apollo {hello}: ${perSecond(bare)}`,
    `ratio ${ratio.toFixed(2)} (target >= 0.5, aim 1.0: ${ratio >= 0.5 ? "met" : "not met"})`,
  );
  detail(`${ROUNDS} alternating rounds of ${Math.max(1, Math.round(DURATION_S / ROUNDS))} s each after a ${WARM_UP_S} s warm-up of each; ${measured.total} and ${bare.total} requests, every one a 200 without errors`);
  detail(`ratio per round: ${gatewayRuns.map((g, i) => (g.requestsPerSecond / bareRuns[i]!.requestsPerSecond).toFixed(2)).join(", ")}`);
  detail(`server CPU per request: gateway ${measured.cpuMsPerRequest.toFixed(2)} ms, bare Apollo ${bare.cpuMsPerRequest.toFixed(2)} ms (the gateway's database not included)`);
}
