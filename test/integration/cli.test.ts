import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeDocument, UserMethodsDocument } from "../generated/graphql.js";
import { startChildServer, type ChildServer } from "../kit/child-server.js";
import { codesOf, createGraphQLClient } from "../kit/graphql-client.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the README's commands against a running server (npm start on the embedded database)", () => {
  let dataDir: string;
  let server: ChildServer;
  // The README's commands, through npm as a user types them.
  const run = (script: string, args: string[] = []) =>
    spawnSync("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "error", JWT_SECRET: "", ENCRYPTION_KEY: "" },
      encoding: "utf8",
      timeout: 60_000,
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "authgate-cli-"));
    // No JWT_SECRET: the server and the CLI agree through DATA_DIR, as for a new user.
    server = await startChildServer({ DATA_DIR: dataDir, SCRYPT_COST: "1024", JWT_SECRET: "", ENCRYPTION_KEY: "" });
  });
  afterAll(async () => {
    server?.process.kill("SIGTERM");
    await server?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  it("prints the demo passwords once on first start", () => {
    expect(Object.keys(server.passwords).sort()).toEqual([
      "admin@wingtiptoysonline.com",
      "authadmin@wingtiptoysonline.com",
      "avery.howard@wingtiptoysonline.com",
      "privadmin@wingtiptoysonline.com",
    ]);
  });

  it("npm run token prints a token the running server accepts, with the scopes asked for", async () => {
    const result = run("token", ["--user", "avery.howard@wingtiptoysonline.com", "--scopes", "UserAuthenticationMethod.Read"]);
    expect(result.status, result.stderr).toBe(0);
    const token = result.stdout.trim();
    const client = createGraphQLClient(server.url);
    const me = await client.execute(MeDocument, undefined, { token });
    expect(me.data!.me.userPrincipalName).toBe("avery.howard@wingtiptoysonline.com");
    const methods = await client.execute(UserMethodsDocument, { id: "avery.howard@wingtiptoysonline.com" }, { token });
    expect(methods.data!.user!.authentication.methods.map((m) => m.id)).toEqual(["28c10230-6103-485e-b985-444c60001490"]);
    // Read scope only: changing anything is refused.
    const write = await client.request(`mutation { addPhoneMethod(input: { phoneNumber: "+1 2065550123", phoneType: mobile }) { id } }`, {}, { token });
    expect(codesOf(write)).toEqual(["FORBIDDEN"]);
  });

  it("npm run token --roles on a user's token changes nothing: roles come from the directory", async () => {
    const result = run("token", ["--user", "avery.howard@wingtiptoysonline.com", "--scopes", "UserAuthenticationMethod.ReadWrite.All", "--roles", "GLOBAL_ADMINISTRATOR,Global Administrator"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("from the directory");
    const res = await createGraphQLClient(server.url).execute(UserMethodsDocument, { id: "admin@wingtiptoysonline.com" }, { token: result.stdout.trim() });
    expect(codesOf(res)).toEqual(["FORBIDDEN"]);
  });

  it("npm run token --app makes an application token with the given permissions", async () => {
    const result = run("token", ["--app", "--roles", "UserAuthenticationMethod.Read.All"]);
    expect(result.status, result.stderr).toBe(0);
    const res = await createGraphQLClient(server.url).execute(UserMethodsDocument, { id: "admin@wingtiptoysonline.com" }, { token: result.stdout.trim() });
    expect(res.data!.user!.userPrincipalName).toBe("admin@wingtiptoysonline.com");
  });

  it("refuses unknown users and bad arguments with a message", () => {
    const unknown = run("token", ["--user", "nobody@wingtiptoysonline.com"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("No user");
    expect(run("token", []).status).toBe(2);
  });

  it("npm run seed and npm run db:migrate do nothing when everything is already there", () => {
    const seed = run("seed");
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain("already there");
    const migrate = run("db:migrate");
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("up to date");
  });
});
