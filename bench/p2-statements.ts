// P2: SQL statements the gateway sends for a page of users with their methods' ids (first: 10 and
// first: 100, the same if reads are batched), and for one P1 request. Counted from outside: a
// second gateway on the same database connects through a proxy that counts what it sends
// (test/kit/statement-counter.ts). The fewest of three runs: background work (a worker's poll,
// housekeeping) shares the pool and can only add.
import { startStatementCounter } from "../test/kit/statement-counter.js";
import { ADMIN, AVERY, type BenchContext, type Gateway } from "./kit/gateway.js";
import { detail, envCount, printFigure } from "./kit/stats.js";
import { P1_QUERY } from "./p1-throughput.js";

const PAGE_USERS = envCount("BENCH_PAGE_USERS", 100);
const PAGE_QUERY = "query($first: Int) { users(first: $first) { edges { node { authentication { methods { id } } } } } }";

/** `PAGE_USERS` users with a mobile and an office phone each, straight into the database. */
async function createPageUsers(ctx: BenchContext): Promise<void> {
  await ctx.sql().query(
    `WITH created AS (
       INSERT INTO "User" (id, "userPrincipalName", "displayName")
       SELECT gen_random_uuid(), 'bench.page' || lpad(i::text, 4, '0') || '@wingtiptoysonline.com', 'Bench user ' || i
       FROM generate_series(1, $1::int) AS i
       ON CONFLICT ("userPrincipalName") DO NOTHING
       RETURNING id, "userPrincipalName")
     INSERT INTO "PhoneMethod" ("userId", "phoneType", "phoneNumber")
     SELECT id, kind.type::"PhoneType", kind.prefix || substring("userPrincipalName" from 'bench\\.page(\\d+)@')
     FROM created, (VALUES ('mobile', '+1206555'), ('office', '+1425555')) AS kind(type, prefix)`,
    [PAGE_USERS],
  );
}

async function fewestStatements(counter: { reset(): void; count(): number }, run: () => Promise<{ errors?: unknown }>): Promise<number> {
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    counter.reset();
    const res = await run();
    counts.push(counter.count());
    if (res.errors) throw new Error(`P2: ${JSON.stringify(res.errors)}`);
  }
  return Math.min(...counts);
}

export async function benchP2(ctx: BenchContext): Promise<void> {
  await ctx.gateway(); // creates and seeds the database
  await ctx.averyPhone();
  await createPageUsers(ctx);
  const counter = await startStatementCounter(ctx.storage.connectionString());
  let counted: Gateway | undefined;
  try {
    counted = await ctx.startGateway({ DATABASE_URL: counter.url, SEED_DEMO: "false" });
    const admin = await ctx.token(ADMIN, ["UserAuthenticationMethod.Read.All"]);
    const avery = await ctx.token(AVERY, ["UserAuthenticationMethod.Read"]);
    const page = (first: number) => async () => {
      const res = await counted!.request(PAGE_QUERY, { first }, { token: admin });
      if (!res.errors && res.data.users.edges.length !== first) throw new Error(`P2: asked for ${first} users, got ${res.data.users.edges.length}`);
      return res;
    };
    // The first request of a process loads code and fills caches: not what is counted.
    await page(10)();
    const ten = await fewestStatements(counter, page(10));
    const hundred = await fewestStatements(counter, page(100));
    const own = await fewestStatements(counter, () => counted!.request(P1_QUERY, undefined, { token: avery }));
    printFigure(
      `P2 SQL statements, users(first: 100){edges{node{authentication{methods{id}}}}}: ${hundred}`,
      `first: 10: ${ten}`,
      `target <= 3 and the same for both (${hundred <= 3 && hundred === ten ? "met" : "not met"})`,
    );
    printFigure(`P2 SQL statements, one P1 request me{authentication{methods}}: ${own}`, "", "no target (6 when issue 10 was filed)");
    detail(`fewest of three runs each, through a counting proxy; ${PAGE_USERS} extra users with 2 phones each`);
  } finally {
    await counted?.stop();
    await counter.stop();
  }
}
