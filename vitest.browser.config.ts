import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// The web console in a real Chromium (Debian's `chromium` + playwright-core) against started
// servers: `npm run test:browser`. Screenshots of each page land in test-results/screenshots/.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/kit/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A browser and a server per file: two cores.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
