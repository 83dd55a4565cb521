import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import { parse } from "pg-connection-string";

/** Counts the statements an app sends to PostgreSQL, from outside it: a proxy it connects through. */
export interface StatementCounter {
  /** The database's connection string with the proxy in its place: give this one to the app. */
  url: string;
  /** Statements sent through the proxy since it started or was last reset. */
  count(): number;
  reset(): void;
  stop(): Promise<void>;
}

// Frontend messages of the PostgreSQL wire protocol (protocol 3.0): a simple query is one 'Q',
// an extended-protocol query (what node-postgres sends for parameters) one 'E' (Execute).
const SIMPLE_QUERY = "Q".charCodeAt(0);
const EXECUTE = "E".charCodeAt(0);
// A connection opens with an untyped packet (length, then a code): the startup message, or first
// a request for TLS or GSS encryption, which the proxy declines so that it reads plain messages.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const DECLINED = Buffer.from("N");

/**
 * Starts a TCP proxy on 127.0.0.1 in front of the server `databaseUrl` names (host and port, or a
 * Unix socket directory in `host`), counting the simple queries and Executes that go through it.
 * Encryption is declined, so the app must not require it; the proxied URL keeps the user, password,
 * database and options of the original.
 */
export async function startStatementCounter(databaseUrl: string): Promise<StatementCounter> {
  const target = parse(databaseUrl);
  const port = Number(target.port ?? 5432);
  const host = target.host ?? "localhost";
  const upstream = host.startsWith("/") ? { path: `${host}/.s.PGSQL.${port}` } : { host, port };

  let statements = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const backend = connect(upstream);
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        backend.destroy();
      });
    }
    backend.pipe(client);
    const scan = frontendScanner({
      onStatement: () => statements++,
      decline: () => client.write(DECLINED),
    });
    client.on("data", (chunk: Buffer) => {
      const forward = scan(chunk);
      if (forward.length > 0) backend.write(forward);
    });
    // Whatever the client sent last (Terminate) still reaches the server before the close.
    client.once("close", () => backend.end());
    backend.once("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const proxyPort = (server.address() as AddressInfo).port;

  return {
    url: proxiedUrl(databaseUrl, target, proxyPort),
    count: () => statements,
    reset: () => {
      statements = 0;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Reads the client's side of one connection as it streams by, and returns the bytes to forward:
 * everything but the encryption requests it declines. Only message headers are kept between chunks.
 */
function frontendScanner(on: { onStatement(): void; decline(): void }) {
  let startup = true;
  // Bytes of the current message still to pass (its header included), and an incomplete header.
  let passing = 0;
  let pending = Buffer.alloc(0);

  return (chunk: Buffer): Buffer => {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    const forward: Buffer[] = [];
    let from = 0;
    let offset = 0;
    while (offset < data.length) {
      if (passing > 0) {
        const step = Math.min(passing, data.length - offset);
        passing -= step;
        offset += step;
        continue;
      }
      if (startup) {
        if (data.length - offset < 8) break;
        const code = data.readInt32BE(offset + 4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          forward.push(data.subarray(from, offset));
          offset += 8;
          from = offset;
          on.decline();
          continue;
        }
        startup = false;
        passing = data.readInt32BE(offset);
        continue;
      }
      if (data.length - offset < 5) break;
      const type = data[offset];
      if (type === SIMPLE_QUERY || type === EXECUTE) on.onStatement();
      // The length counts itself but not the type byte.
      passing = 1 + data.readInt32BE(offset + 1);
    }
    forward.push(data.subarray(from, offset));
    pending = Buffer.from(data.subarray(offset));
    return forward.length === 1 ? forward[0]! : Buffer.concat(forward);
  };
}

/** `databaseUrl` pointed at the proxy: a TCP address, whatever the original (a socket directory, say). */
function proxiedUrl(databaseUrl: string, target: ReturnType<typeof parse>, proxyPort: number): string {
  const url = new URL(`postgresql://127.0.0.1:${proxyPort}/`);
  if (target.user) url.username = encodeURIComponent(target.user);
  if (target.password) url.password = encodeURIComponent(target.password);
  url.pathname = `/${encodeURIComponent(target.database ?? "")}`;
  const query = databaseUrl.includes("?") ? new URLSearchParams(databaseUrl.slice(databaseUrl.indexOf("?") + 1)) : new URLSearchParams();
  for (const [name, value] of query) {
    // Where to connect is the proxy's now, and the proxy speaks plain text only.
    if (["host", "hostaddr", "port"].includes(name) || name.startsWith("ssl")) continue;
    url.searchParams.append(name, value);
  }
  return url.toString();
}
