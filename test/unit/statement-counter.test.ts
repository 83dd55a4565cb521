import { mkdtemp, rm } from "node:fs/promises";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startStatementCounter, type StatementCounter } from "../kit/statement-counter.js";

// Frontend messages as a PostgreSQL client writes them (protocol 3.0).
const untyped = (code: number, body = Buffer.alloc(0)) => {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
};
const typed = (type: string, body: string) => {
  const payload = Buffer.from(body, "utf8");
  const header = Buffer.alloc(5);
  header.write(type, 0, "ascii");
  header.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([header, payload]);
};
const SSL_REQUEST = untyped(80877103);
const STARTUP = untyped(196608, Buffer.from("user\0authgate\0database\0postgres\0\0"));

/** A stand-in PostgreSQL server that records what each connection sent it. */
async function startRecordingServer(listen: (server: Server) => Promise<void>) {
  const received: Buffer[] = [];
  const server = createServer((socket) => {
    const index = received.push(Buffer.alloc(0)) - 1;
    socket.on("data", (chunk: Buffer) => (received[index] = Buffer.concat([received[index]!, chunk])));
  });
  await listen(server);
  return { server, received };
}

const listenTcp = (server: Server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));

async function openClient(counter: StatementCounter): Promise<Socket> {
  const { port } = new URL(counter.url);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  return socket;
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("statement counter", () => {
  it("counts simple queries and Executes, whatever the chunks, and forwards everything but a declined TLS request", async () => {
    const upstream = await startRecordingServer(listenTcp);
    cleanups.push(() => new Promise((resolve) => upstream.server.close(resolve)));
    const counter = await startStatementCounter(`postgresql://authgate:secret@127.0.0.1:${(upstream.server.address() as AddressInfo).port}/postgres`);
    cleanups.push(() => counter.stop());

    const client = await openClient(counter);
    cleanups.push(() => void client.destroy());
    const answers: Buffer[] = [];
    client.on("data", (chunk: Buffer) => answers.push(chunk));
    client.write(SSL_REQUEST);
    await until(() => answers.length > 0);
    expect(Buffer.concat(answers).toString()).toBe("N");

    const session = Buffer.concat([
      STARTUP,
      typed("p", "secret\0"),
      typed("Q", "SELECT 1\0"),
      typed("P", "\0SELECT $1\0\0\0"),
      typed("B", "\0\0\0\0\0\0\0\0"),
      typed("D", "P\0"),
      typed("E", "\0\0\0\0\0"),
      typed("S", ""),
      typed("Q", "BEGIN\0"),
    ]);
    // One byte at a time: every header and length is split across chunks.
    for (const byte of session) client.write(Buffer.of(byte));
    await until(() => upstream.received[0]?.length === session.length);

    expect(upstream.received[0]!.equals(session)).toBe(true);
    expect(counter.count()).toBe(3);
    counter.reset();
    expect(counter.count()).toBe(0);
  });

  it("reaches a server on a Unix socket and gives the app a TCP URL with the same user, database and options", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "statement-counter-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const upstream = await startRecordingServer((server) => new Promise((resolve) => server.listen(path.join(dir, ".s.PGSQL.5433"), () => resolve())));
    cleanups.push(() => new Promise((resolve) => upstream.server.close(resolve)));
    const counter = await startStatementCounter(`postgresql://authgate@localhost/postgres?host=${dir}&port=5433&application_name=authgate%2F42`);
    cleanups.push(() => counter.stop());

    const url = new URL(counter.url);
    expect({ host: url.hostname, user: url.username, database: url.pathname, query: url.search }).toEqual({
      host: "127.0.0.1",
      user: "authgate",
      database: "/postgres",
      query: "?application_name=authgate%2F42",
    });
    const client = await openClient(counter);
    cleanups.push(() => void client.destroy());
    const sent = Buffer.concat([STARTUP, typed("Q", "SELECT 1\0")]);
    client.write(sent);
    // The counter counts as it forwards; what reaches the server arrives a moment later.
    await until(() => counter.count() === 1 && upstream.received[0]?.length === sent.length);
    expect(upstream.received[0]!.equals(sent)).toBe(true);
  });
});
