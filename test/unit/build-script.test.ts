import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("scripts/build.mjs (what npm start runs first)", () => {
  // The test run's global set-up has just built both: a start must not build them again (swapping
  // web/dist in changes web/'s own time, which once made every start rebuild the console, 5 s).
  it("builds nothing when dist/ and web/dist/ are up to date", () => {
    const run = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/Building/);
  });
});
