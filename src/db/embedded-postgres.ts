import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

interface ServerFile {
  pid: number;
  port: number;
}

const SERVER_FILE = "embedded-postgres.json";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readRunningServer(dataDir: string): Promise<ServerFile | undefined> {
  try {
    const info = JSON.parse(await readFile(path.join(dataDir, SERVER_FILE), "utf8")) as ServerFile;
    return info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function urlFor(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Starts PGlite (data under DATA_DIR/pgdata) behind a loopback PostgreSQL socket, so the app
 * reaches it through the same pg/Prisma code as a real server. PGlite is single-process: when
 * another process (a running server) already owns DATA_DIR, we connect to its socket instead of
 * opening the files a second time, the way postmaster.pid works for PostgreSQL.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const running = await readRunningServer(dataDir);
  if (running) return { connectionString: urlFor(running.port), stop: async () => {} };

  const pgdata = path.join(dataDir, "pgdata");
  await mkdir(pgdata, { recursive: true });
  const db = await PGlite.create(pgdata);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 256 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const serverFile = path.join(dataDir, SERVER_FILE);
  await writeFile(serverFile, JSON.stringify({ pid: process.pid, port } satisfies ServerFile), { mode: 0o600 });

  let stopped = false;
  return {
    connectionString: urlFor(port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      await rm(serverFile, { force: true });
    },
  };
}
