import { loadConfig } from "../config/config.js";
import { openDatabase } from "../db/database.js";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false });
try {
  const { applyMigrations } = await import("../db/migrations.js");
  const applied = await applyMigrations(database.connectionString);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
} finally {
  await database.close();
}
