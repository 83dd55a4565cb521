import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Child-process tests run what `npm start` runs: the compiled dist/, built here if stale. */
export default function setup() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("compiling src/ to dist/ failed");
}
