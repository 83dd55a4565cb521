import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";

// Production configuration (issue: one set of protections for every transport, finding 8).

const SECRETS = { JWT_SECRET: "a-production-secret-that-is-long-enough-0123", ENCRYPTION_KEY: "a-production-encryption-key-long-enough-0123" };
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("configuration", () => {
  it("refuses to start in production without an explicit ENCRYPTION_KEY, and names every missing setting at once", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: SECRETS.JWT_SECRET })).toThrow(/ENCRYPTION_KEY is required in production/);
    try {
      loadConfig({ NODE_ENV: "production" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/JWT_SECRET or JWT_JWKS_URL/);
      expect((error as Error).message).toMatch(/ENCRYPTION_KEY/);
    }
  });

  it("seeds the demo directory in production only when SEED_DEMO=true is set explicitly", () => {
    expect(loadConfig({ NODE_ENV: "production", ...SECRETS }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", ...SECRETS, SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("turns introspection off in production unless asked for", () => {
    expect(loadConfig({ NODE_ENV: "production", ...SECRETS }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", ...SECRETS, GRAPHQL_INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).introspection).toBe(true);
  });

  it("reads TRUST_PROXY with Express's semantics: off by default, true, a hop count, or addresses and subnets", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
    expect(() => loadConfig({ TRUST_PROXY: "the load balancer" })).toThrow(/TRUST_PROXY/);
  });

  it("has sensible defaults for the limits and caps", () => {
    const config = loadConfig({});
    expect(config.limits).toEqual({ maxDepth: 10, maxCost: 5000, maxTokens: 2000, maxAliases: 20, maxDirectives: 20, maxFragmentSpreads: 50 });
    expect(config.requestMaxBytes).toBe(100 * 1024);
    expect(config.webSocket).toEqual({ maxConnectionsPerAddress: 50, maxOperationsPerConnection: 100, maxBufferedBytes: 1024 * 1024 });
  });

  it("npm start's entry point exits 1 in production without ENCRYPTION_KEY, and writes no generated secrets", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "authgate-config-"));
    const result = spawnSync(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", JWT_SECRET: SECRETS.JWT_SECRET, ENCRYPTION_KEY: "", DATA_DIR: dataDir, PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ENCRYPTION_KEY is required in production/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
