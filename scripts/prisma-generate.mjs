// Runs `prisma generate` so that it also works where the Prisma CLI cannot download its
// schema engine: generate never uses that engine, so any executable satisfies the CLI's check.
import { spawnSync } from "node:child_process";

// A container image's runtime stage: the client was generated and compiled into dist/ by the build stage.
if (process.env.AUTHGATE_PREBUILT === "1") process.exit(0);

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
