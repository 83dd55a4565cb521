// P5: resetPassword (an admin resets Avery's password, HTTP) to `succeeded` at a graphql-ws
// subscriber, against the configured KDF alone: createPasswordHasher(...).hash() timed in this
// process with the gateway's SCRYPT_* settings (both read the same environment), one hash right
// before each reset, so that both see the same moments of a shared machine.
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { loadConfig } from "../src/config/config.js";
import { createPasswordHasher } from "../src/lib/password-hasher.js";
import { connectWs, subscribe } from "../test/kit/subscriptions.js";
import { ADMIN, AVERY, type BenchContext } from "./kit/gateway.js";
import { detail, envCount, median, ms, percentile, printFigure } from "./kit/stats.js";

const RESETS = envCount("BENCH_RESETS", 30);
/** The demo users' password method id (fixed, as in Microsoft Graph). */
const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";
const RESET = "mutation($u: ID, $id: ID!, $p: String) { resetPassword(userId: $u, id: $id, newPassword: $p) { operation { id status } } }";
const STATUS_CHANGED = parse("subscription($id: ID!) { operationStatusChanged(operationId: $id) { id status } }") as TypedDocumentNode<
  { operationStatusChanged: { id: string; status: string } },
  { id: string }
>;

export async function benchP5(ctx: BenchContext): Promise<void> {
  const gateway = await ctx.gateway();
  const admin = await ctx.token(ADMIN, ["UserAuthenticationMethod.ReadWrite.All"]);

  // The KDF alone, in this process, with nothing else running.
  const { SCRYPT_COST, SCRYPT_BLOCK_SIZE, SCRYPT_PARALLELIZATION } = process.env;
  const hashing = loadConfig({ SCRYPT_COST, SCRYPT_BLOCK_SIZE, SCRYPT_PARALLELIZATION }).passwordHashing;
  const hasher = createPasswordHasher(hashing);
  await hasher.hash("Bench-warm-up-passw0rd");
  const kdf: number[] = [];

  const ws = connectWs(gateway.url, admin);
  const resets: number[] = [];
  const answered: number[] = [];
  const firstEvent: number[] = [];
  try {
    for (let i = -1; i < RESETS; i++) {
      if (i >= 0) {
        const hashStarted = performance.now();
        await hasher.hash(`Bench-kdf-passw0rd-${i}`);
        kdf.push(performance.now() - hashStarted);
      }
      const started = performance.now();
      const res = await gateway.request(RESET, { u: AVERY, id: PASSWORD_METHOD_ID, p: `Bench-passw0rd-${i + 1}` }, { token: admin });
      if (res.errors) throw new Error(`P5 resetPassword: ${JSON.stringify(res.errors)}`);
      const answeredAt = performance.now();
      const sub = subscribe(ws, STATUS_CHANGED, { id: res.data.resetPassword.operation.id });
      await sub.waitFor(() => true, 60_000);
      const firstAt = performance.now();
      const final = await sub.waitFor((e) => !!e.errors || ["succeeded", "failed"].includes(e.data?.operationStatusChanged.status ?? ""), 60_000);
      sub.close();
      if (final.data?.operationStatusChanged.status !== "succeeded") throw new Error(`P5 reset did not succeed: ${JSON.stringify(final)}`);
      if (i < 0) continue; // the first one warms up
      resets.push(performance.now() - started);
      answered.push(answeredAt - started);
      firstEvent.push(firstAt - started);
    }
  } finally {
    await ws.dispose();
  }

  const difference = median(resets) - median(kdf);
  printFigure(
    `P5 resetPassword -> succeeded at a subscriber: p50 ${ms(median(resets))} (p99 ${ms(percentile(resets, 99))})`,
    `KDF alone (scrypt N=${hashing.cost}, r=${hashing.blockSize}, p=${hashing.parallelization}): p50 ${ms(median(kdf))}`,
    `difference ${difference >= 0 ? "+" : ""}${ms(difference)} (target KDF + at most 20 ms: ${difference <= 20 ? "met" : "not met"})`,
  );
  detail(`mutation answered p50 ${ms(median(answered))}, the subscription's first event p50 ${ms(median(firstEvent))}, succeeded p50 ${ms(median(resets))} (all from the request sent)`);
  detail(`${RESETS} resets one after another (after one to warm up), each right after one hash of the reference`);
}
