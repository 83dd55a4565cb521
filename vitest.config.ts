import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for type-graphql; Vite would pick index.mjs for our
    // code. Two copies break graphql's instanceof checks, so both must use the same file.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The web console's tests drive a browser: `npm run test:browser` (vitest.browser.config.ts).
    exclude: ["test/browser/**", "**/node_modules/**"],
    globalSetup: ["test/kit/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file boots its own server and database; two cores: keep parallelism modest.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
