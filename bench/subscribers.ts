// Runs as a child process (see kit/subscriber-pool.ts): many graphql-ws connections with one
// subscription each, so that the server's event loop isn't also busy receiving. Speaks the
// graphql-ws protocol directly on raw sockets and timestamps each frame on arrival (wall clock,
// performance.timeOrigin + performance.now(), comparable across processes on this machine), so
// the figure is the server's delivery, not a client library's parsing.
//
// Events are grouped by a marker (the first capture of `marker` in the frame): once every socket
// has received an event with a given marker, the arrival times go to the parent.
import WebSocket from "ws";

export interface SubscriberOptions {
  url: string;
  connectionParams: Record<string, unknown>;
  query: string;
  variables: Record<string, unknown>;
  count: number;
  /** A regular expression whose first group tells which published event a frame carries. */
  marker: string;
}

/** Messages to the parent. */
export type SubscriberReport = { ready: true } | { marker: string; arrivals: number[] } | { error: string };

const options = JSON.parse(process.argv[2]!) as SubscriberOptions;
const now = () => performance.timeOrigin + performance.now();
const send = (report: SubscriberReport) => process.send!(report);
const marker = new RegExp(options.marker);
const subscribeFrame = JSON.stringify({ id: "1", type: "subscribe", payload: { query: options.query, variables: options.variables } });
const arrivals = new Map<string, number[]>();
let closing = false;
let ready = 0;

// Opened a batch at a time: a thousand handshakes at once would overflow the listen backlog.
const CONCURRENT_HANDSHAKES = 50;
const sockets: WebSocket[] = [];
let handshaking = 0;
const waiting: (() => void)[] = [];
const slot = () => (handshaking < CONCURRENT_HANDSHAKES ? (handshaking++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
const release = () => (waiting.length ? waiting.shift()!() : handshaking--);

function open(): void {
  const socket = new WebSocket(options.url.replace(/^http/, "ws"), "graphql-transport-ws");
  sockets.push(socket);
  let acknowledged = false;
  socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: options.connectionParams })));
  socket.on("message", (raw) => {
    const at = now();
    const text = raw.toString();
    if (text.includes('"type":"next"')) {
      const key = marker.exec(text)?.[1];
      if (key === undefined) return send({ error: `an event without a marker (${options.marker}): ${text.slice(0, 300)}` });
      const list = arrivals.get(key) ?? [];
      list.push(at);
      arrivals.set(key, list);
      if (list.length === options.count) send({ marker: key, arrivals: list });
    } else if (text.includes('"type":"connection_ack"')) {
      acknowledged = true;
      socket.send(subscribeFrame);
      // Answered after the subscribe message has been read.
      socket.send(JSON.stringify({ type: "ping" }));
    } else if (text.includes('"type":"pong"')) {
      release();
      if (++ready === options.count) send({ ready: true });
    } else if (text.includes('"type":"error"') || text.includes('"type":"complete"')) {
      send({ error: `subscription refused or ended: ${text.slice(0, 300)}` });
    }
  });
  socket.on("error", (error) => send({ error: `socket error: ${error.message}` }));
  socket.on("close", (code, reason) => {
    if (!closing) send({ error: `socket closed${acknowledged ? "" : " before connection_ack"}: ${code} ${reason}` });
  });
}

for (let i = 0; i < options.count; i++) {
  await slot();
  open();
}

process.on("message", (message: { close?: boolean }) => {
  if (!message.close) return;
  closing = true;
  for (const socket of sockets) socket.close(1000);
  setTimeout(() => process.exit(0), 200);
});
process.on("disconnect", () => process.exit(0));
