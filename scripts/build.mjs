// Builds what `npm start` serves, unless it is newer than every source: src/ compiled to dist/
// (plain node, so signals reach the server), and the web console, web/ bundled by Vite to
// web/dist/. Runs after install and before start; `--force` always builds; `--server-only`
// leaves the console alone (the CLI tools don't serve it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");
const serverOnly = process.argv.includes("--server-only");

// A container image's runtime stage (Dockerfile) installs with dist/ and web/dist/ copied from its
// build stage: they are used as they are, even though an install brings TypeScript (a peer of prisma).
if (process.env.AUTHGATE_PREBUILT === "1" && !force) {
  const missing = ["dist", "web/dist"].filter((dir) => !existsSync(path.join(root, dir, ".build-stamp")));
  if (missing.length) {
    console.error(`AUTHGATE_PREBUILT=1, but ${missing.join(" and ")} ${missing.length > 1 ? "were" : "was"} not built: copy them from the build stage.`);
    process.exit(1);
  }
  process.exit(0);
}

/**
 * The newest change under `file`. A directory's own time counts (a source removed or renamed),
 * except for a directory holding a skipped output: swapping that output in changes its time.
 */
function newestMtime(file, skip) {
  if (skip.includes(file)) return 0;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  const children = readdirSync(file).map((name) => path.join(file, name));
  const holdsOutput = children.some((child) => skip.some((skipped) => child === skipped || child.startsWith(`${skipped}.next-`)));
  return Math.max(holdsOutput ? 0 : stat.mtimeMs, ...children.map((child) => newestMtime(child, skip)));
}

/** Runs `command` unless `output`'s stamp is newer than every input; a missing tool is fine if something was built. */
function build({ what, inputs, output, tool, args, skip = [], env = {} }) {
  const stamp = path.join(output, ".build-stamp");
  const builtAt = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const abs = (p) => path.join(root, p);
  if (!force && builtAt > Math.max(...inputs.map((p) => newestMtime(abs(p), skip.map(abs))))) return;
  if (!existsSync(abs(tool))) {
    // An install without devDependencies: use what was built, if anything was.
    if (builtAt) return;
    console.error(`${path.relative(root, output)}/ is missing and ${tool} is not installed: run \`npm install\` (with dev dependencies), then \`npm run build\`.`);
    process.exit(1);
  }
  console.error(`Building ${what} ...`);
  // Built beside the old output and swapped in, so a server running from it meanwhile keeps working.
  const next = `${output}.next-${process.pid}`;
  const result = spawnSync(process.execPath, [abs(tool), ...args(next)], { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  writeFileSync(path.join(next, ".build-stamp"), new Date().toISOString() + "\n");
  rmSync(output, { recursive: true, force: true });
  renameSync(next, output);
}

build({
  what: "the server (src/ to dist/)",
  inputs: ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"],
  output: path.join(root, "dist"),
  tool: "node_modules/typescript/bin/tsc",
  args: (out) => ["-p", "tsconfig.build.json", "--outDir", out, "--tsBuildInfoFile", path.join(out, ".tsbuildinfo")],
});
if (!serverOnly) build({
  what: "the web console (web/ to web/dist/)",
  inputs: ["web", "package-lock.json"],
  skip: ["web/dist"],
  output: path.join(root, "web", "dist"),
  tool: "node_modules/vite/bin/vite.js",
  args: (out) => ["build", "--config", "web/vite.config.ts", "--logLevel", "warn", "--outDir", out, "--emptyOutDir"],
  // What is served is the production bundle, whatever NODE_ENV the caller runs with (tests: "test").
  env: { NODE_ENV: "production" },
});
