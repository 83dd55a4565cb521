import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface GatewayRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SmsGatewayStub {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  requests: GatewayRequest[];
  /** Replaces how the next requests are answered. */
  respondWith(handler: (request: GatewayRequest, response: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint on loopback standing in for an SMS provider: records every request. */
export async function startSmsGatewayStub(): Promise<SmsGatewayStub> {
  const requests: GatewayRequest[] = [];
  let handler = (_request: GatewayRequest, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ messageId: `msg-${requests.length}` }));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function replyJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** The 6-digit code in an SMS body. */
export function codeIn(body: string | undefined): string {
  const match = /\b(\d{6})\b/.exec(body ?? "");
  if (!match) throw new Error(`no code in SMS body ${JSON.stringify(body)}`);
  return match[1]!;
}
