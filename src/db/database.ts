import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations } from "./migrations.js";

export type Prisma = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  kind: "embedded" | "postgresql";
  connectionString: string;
  /** Statements sent to the server so far (used by tests to prove batching). */
  statementCount(): number;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  migrate?: boolean;
  poolSize?: number;
}

/** Opens the configured storage (embedded PGlite or a PostgreSQL server) behind one Prisma client. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedPostgres(options.dataDir);
  const connectionString = options.databaseUrl ?? embedded!.connectionString;
  try {
    if (options.migrate !== false) await applyMigrations(connectionString);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? (embedded ? 4 : 10) });
  let statements = 0;
  pool.on("connect", (client) => {
    const clientQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements += 1;
      return clientQuery(...args);
    };
  });
  pool.on("error", () => {
    // Idle client errors (server restart) are surfaced by the next query; don't crash.
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

  return {
    prisma,
    kind: embedded ? "embedded" : "postgresql",
    connectionString,
    statementCount: () => statements,
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
      await embedded?.stop();
    },
  };
}
