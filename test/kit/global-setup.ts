import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Tests run what `npm start` serves: the compiled dist/ and the web console, built here if stale. */
export default function setup() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("building dist/ or web/dist/ failed");
}
