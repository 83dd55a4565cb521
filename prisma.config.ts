import { defineConfig } from "prisma/config";

// The CLI reads DATABASE_URL only for migrate/studio on a connected machine; the app itself
// never goes through the CLI (see src/db/migrations.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/authgate" },
});
