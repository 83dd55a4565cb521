import type { Tracer } from "@opentelemetry/api";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { openEmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations } from "./migrations.js";
import { createSql, type Sql } from "./sql.js";
import { tracePrisma, traceSql } from "./traced-queries.js";
import { createTransactions, type Transactions } from "./transactions.js";

export type Prisma = PrismaClient;

export interface Database {
  /** Joins the transaction in progress (`transactions.run`) when there is one. */
  prisma: PrismaClient;
  transactions: Transactions;
  /** The hot path's reads, in plain SQL on the same pool (see sql.ts). */
  sql: Sql;
  /** `embedded`: the PostgreSQL server under DATA_DIR that we run; `postgresql`: DATABASE_URL. */
  kind: "embedded" | "postgresql";
  connectionString: string;
  /** The pool's connections now (metrics read it on scrape). */
  poolStats(): { total: number; idle: number; waiting: number; max: number };
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  migrate?: boolean;
  poolSize?: number;
  /** Shown in pg_stat_activity with our pid (server, CLI), so an operator can tell the clients apart. */
  applicationName?: string;
  /** When tracing: every statement in a span under the request's. */
  tracer?: Tracer;
}

/**
 * Opens the configured PostgreSQL (the embedded server under DATA_DIR, or DATABASE_URL) behind
 * one Prisma client. Both are the same kind of server, so everything after this runs one code path.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const applicationName = `${options.applicationName ?? "authgate"}/${process.pid}`;
  const embedded = options.databaseUrl ? undefined : await openEmbeddedPostgres(options.dataDir, { applicationName });
  const connectionString = withApplicationName(options.databaseUrl ?? embedded!.connectionString, applicationName);
  try {
    if (options.migrate !== false) await applyMigrations(connectionString);
  } catch (error) {
    await embedded?.release();
    throw error;
  }

  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  pool.on("error", () => {
    // Idle client errors (server restart) are surfaced by the next query; don't crash.
  });
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  const transactions = createTransactions(options.tracer ? tracePrisma(client, options.tracer) : client);
  const prisma = transactions.prisma;

  return {
    prisma,
    transactions,
    sql: options.tracer ? traceSql(createSql(pool), options.tracer) : createSql(pool),
    kind: embedded ? "embedded" : "postgresql",
    connectionString,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: options.poolSize ?? 10 }),
    async isReady() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
      await embedded?.release();
    },
  };
}

function withApplicationName(connectionString: string, applicationName: string): string {
  const url = new URL(connectionString);
  if (!url.searchParams.has("application_name")) url.searchParams.set("application_name", applicationName);
  return url.toString();
}
