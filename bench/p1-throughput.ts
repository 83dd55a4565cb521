// P1: requests/s of an authenticated read (Avery's own methods, bearer token) with 50 connections,
// against a bare Apollo Server 5 answering `{ hello }`, same load generator (autocannon, in this
// process) and settings, each server in a process of its own.
import autocannon from "autocannon";
import { AVERY, type BenchContext } from "./kit/gateway.js";
import { cpuMs } from "./kit/processes.js";
import { startReference } from "./kit/reference.js";
import { detail, envCount, printFigure } from "./kit/stats.js";

export const P1_QUERY = "{ me { authentication { methods { id ... on PhoneAuthenticationMethod { phoneNumber smsSignInState } } } } }";

const CONNECTIONS = envCount("BENCH_CONNECTIONS", 50);
const DURATION_S = envCount("BENCH_DURATION", 8);
const WARM_UP_S = envCount("BENCH_WARM_UP", 2);

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** The server process's CPU time per request of the measured run (steadier than req/s on a shared machine). */
  cpuMsPerRequest: number;
}

/** A warm-up run, then the measured one; every response must be a 200 whose body passes `ok`. */
async function load(url: string, pid: number, body: string, headers: Record<string, string>, ok: (body: string) => boolean): Promise<Load> {
  const run = async (duration: number) => {
    const result = await autocannon({
      url,
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      connections: CONNECTIONS,
      duration,
      verifyBody: (b) => ok(String(b ?? "")),
    });
    const bad = [
      result.non2xx && `${result.non2xx} non-2xx responses`,
      result.errors && `${result.errors} errors`,
      result.timeouts && `${result.timeouts} timeouts`,
      result.mismatches && `${result.mismatches} bodies with errors or without the expected data`,
    ].filter(Boolean);
    if (bad.length) throw new Error(`P1 load on ${url}: ${bad.join(", ")} of ${result.requests.total} requests`);
    return result;
  };
  await run(WARM_UP_S);
  const cpuBefore = cpuMs(pid);
  const result = await run(DURATION_S);
  const cpuMsPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, cpuMsPerRequest };
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
  let bare: Load;
  try {
    const referenceOk = (text: string) => text.includes('{"data":{"hello":"world"}}') && !text.includes('"errors"');
    await checkOnce(reference.url, JSON.stringify({ query: "{ hello }" }), {}, referenceOk);
    bare = await load(reference.url, reference.process.pid!, JSON.stringify({ query: "{ hello }" }), {}, referenceOk);
  } finally {
    await reference.stop();
  }
  const measured = await load(gateway.url, gateway.pid, gatewayRequest.body, gatewayRequest.headers, gatewayOk);

  const ratio = measured.requestsPerSecond / bare.requestsPerSecond;
  const perSecond = (l: Load) => `${l.requestsPerSecond.toFixed(0)} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms)`;
  printFigure(
    `P1 authenticated me{methods}, ${CONNECTIONS} connections: ${perSecond(measured)}`,
    `bare Apollo {hello}: ${perSecond(bare)}`,
    `ratio ${ratio.toFixed(2)} (target >= 0.5, aim 1.0: ${ratio >= 0.5 ? "met" : "not met"})`,
  );
  detail(`${DURATION_S} s after a ${WARM_UP_S} s warm-up; ${measured.total} and ${bare.total} requests, every one a 200 without errors`);
  detail(`server CPU per request: gateway ${measured.cpuMsPerRequest.toFixed(2)} ms, bare Apollo ${bare.cpuMsPerRequest.toFixed(2)} ms (the gateway's database not included)`);
}
