import { ConfigError, loadConfig } from "./config/config.js";
import { ensureRunning } from "./db/embedded-postgres.js";

// `npm start` runs this file compiled, with plain node, so SIGTERM and SIGINT reach it directly.
try {
  const config = loadConfig();
  // The embedded database starts while the rest of the app loads (createApp then adopts it).
  if (!config.databaseUrl) ensureRunning(config.dataDir).catch(() => {});
  const { createApp } = await import("./app.js");
  const app = await createApp(config, {
    onSeeded: (passwords) => {
      console.log("Seeded the demo directory. These passwords are shown once and stored only as hashes:");
      for (const [upn, password] of Object.entries(passwords)) console.log(`  ${upn}  ${password}`);
    },
  });
  console.log(`authgate: GraphQL at ${app.url.replace("127.0.0.1", "localhost")} (storage: ${app.database.kind})`);
  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`authgate: ${signal} received, shutting down (send it again to exit at once)`);
    process.once(signal, () => process.exit(130));
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("authgate: shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
