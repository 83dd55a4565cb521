import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface LocalSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Development secrets kept under DATA_DIR (mode 0600), so that the server and the CLI tools
 * that share a DATA_DIR agree on them without any configuration. Production sets them in env.
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LocalSecrets>;
    if (parsed.jwtSecret && parsed.encryptionKey) return parsed as LocalSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString("base64url"),
    encryptionKey: randomBytes(48).toString("base64url"),
  };
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, JSON.stringify(secrets), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateLocalSecrets(dataDir);
    throw error;
  }
}
