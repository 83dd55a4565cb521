import type { Prisma } from "../../src/db/database.js";

const serialise = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
    return v;
  });

/**
 * Every row of every table in the current schema, as sorted JSON lines per table: compare a
 * dump taken before some requests with one taken after to prove they changed nothing.
 */
export async function dumpTables(prisma: Prisma): Promise<Record<string, string[]>> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const dump: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
    dump[table] = rows.map(serialise).sort();
  }
  return dump;
}
