import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/config.js";

try {
  const config = loadConfig();
  const app = await createApp(config, {
    onSeeded: (passwords) => {
      console.log("Seeded the demo directory. These passwords are shown once and stored only as hashes:");
      for (const [upn, password] of Object.entries(passwords)) console.log(`  ${upn}  ${password}`);
    },
  });
  console.log(`authgate: GraphQL at ${app.url.replace("127.0.0.1", "localhost")} (storage: ${app.database.kind})`);
  const shutdown = async (signal: string) => {
    console.log(`authgate: ${signal} received, shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
