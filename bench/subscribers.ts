// Runs as a child process: many graphql-ws connections, so the server's event loop isn't also
// busy receiving. Speaks the graphql-ws protocol directly on raw sockets and timestamps each
// frame on arrival, so the figure is the server's delivery, not a client library's parsing.
import { print } from "graphql";
import WebSocket from "ws";
import { OperationStatusChangedDocument } from "../test/generated/graphql.js";

const { url, token, operationId, count } = JSON.parse(process.argv[2]!) as { url: string; token: string; operationId: string; count: number };
const now = () => performance.timeOrigin + performance.now();
const query = print(OperationStatusChangedDocument);
const arrivals: number[] = [];
let subscribed = 0;
let allArrived!: () => void;
const done = new Promise<void>((r) => (allArrived = r));
let allSubscribed!: () => void;
const ready = new Promise<void>((r) => (allSubscribed = r));

const sockets = Array.from({ length: count }, () => {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
  socket.on("message", (raw) => {
    const at = now();
    const text = raw.toString();
    if (text.includes('"connection_ack"')) {
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables: { operationId } } }));
    } else if (text.includes('"notStarted"')) {
      if (++subscribed === count) allSubscribed();
    } else if (text.includes('"running"')) {
      arrivals.push(at);
      if (arrivals.length === count) allArrived();
    }
  });
  return socket;
});

await ready;
process.send!({ ready: true });
await done;
process.send!({ arrivals });
for (const s of sockets) s.close();
setTimeout(() => process.exit(0), 200);
