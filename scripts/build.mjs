// Compiles src/ to dist/ for `npm start` (plain node, so signals reach the server), unless dist/
// is newer than every source. Runs after install and before start; `--force` always builds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist", ".build-stamp");
const inputs = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((p) => path.join(root, p));

function newestMtime(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

const builtAt = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (!process.argv.includes("--force") && builtAt > Math.max(...inputs.map(newestMtime))) process.exit(0);

const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(tsc)) {
  // An install without devDependencies: use what was built, if anything was.
  if (builtAt) process.exit(0);
  console.error("dist/ is missing and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm run build`.");
  process.exit(1);
}
console.error("Compiling src/ to dist/ ...");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, new Date().toISOString() + "\n");
