import type { IncomingMessage, Server } from "node:http";
import { randomUUID } from "node:crypto";
import { GraphQLError, execute, type ExecutionArgs, type ExecutionResult } from "graphql";
import { CloseCode, handleProtocols, makeServer } from "graphql-ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../logging/logger.js";
import type { LiveSessions } from "./live-sessions.js";
import type { OperationGate } from "../graphql/operation-gate.js";
import type { WebSocketTelemetry } from "./websocket-telemetry.js";

/** What one client may hold open on the WebSocket transport. */
export interface WebSocketCaps {
  /** Largest incoming message; the HTTP body limit, so neither transport accepts more than the other. */
  maxMessageBytes: number;
  maxConnectionsPerAddress: number;
  /** Subscriptions plus queries and mutations still running, per connection. */
  maxOperationsPerConnection: number;
  /** Unsent output a slow reader may leave queued before its connection is dropped. */
  maxBufferedBytes: number;
}

// Pings keep idle connections alive through proxies and find dead peers (graphql-ws's default).
const KEEP_ALIVE_MS = 12_000;

type SocketExtra = {
  /** The Authorization value given at connection_init: re-checked for every operation. */
  authorization?: unknown;
  clientAddress?: string;
};

// WebSocket close codes (RFC 6455 registry) that graphql-ws clients retry.
const CLOSE_SERVICE_RESTART = 1012;
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * graphql-ws on the HTTP server's port. Every message goes through the operation gate, with the
 * caller authenticated again for each operation, and each client is held to the caps.
 */
export function createGraphQLWebSocketServer(deps: {
  httpServer: Server;
  gate: OperationGate;
  subscribe: (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
  liveSessions: LiveSessions;
  caps: WebSocketCaps;
  clientAddressOf: (request: IncomingMessage) => string | undefined;
  /** The upgrade's Origin against CORS_ORIGINS: a page on a refused site opens no socket. */
  originAllowed: (request: IncomingMessage) => boolean;
  isDraining: () => boolean;
  logger: Logger;
  /** Request ids, spans, metrics and access lines of operations. */
  telemetry?: WebSocketTelemetry;
}) {
  const { gate, caps, liveSessions, logger, telemetry } = deps;
  const connectionsByAddress = new Map<string, number>();
  // Worked out once per upgrade request, when it is counted, and kept for its operations.
  const addressOfRequest = new WeakMap<IncomingMessage, string>();

  const wsServer = new WebSocketServer({
    server: deps.httpServer,
    path: "/graphql",
    maxPayload: caps.maxMessageBytes,
    // Counted per TCP connection and released when it closes, however the upgrade ends.
    verifyClient: ({ req }, accept) => {
      if (deps.isDraining()) return accept(false, 503, "The server is shutting down");
      if (!deps.originAllowed(req)) {
        logger.warn({ origin: req.headers.origin }, "websocket connection refused: origin not allowed");
        return accept(false, 403, "Origin not allowed");
      }
      const address = deps.clientAddressOf(req) ?? "unknown";
      addressOfRequest.set(req, address);
      const open = connectionsByAddress.get(address) ?? 0;
      if (open >= caps.maxConnectionsPerAddress) {
        logger.warn({ clientAddress: address, open }, "websocket connection refused: too many from this address");
        return accept(false, 429, "Too many connections from this address");
      }
      connectionsByAddress.set(address, open + 1);
      req.socket.once("close", () => {
        const left = (connectionsByAddress.get(address) ?? 1) - 1;
        if (left > 0) connectionsByAddress.set(address, left);
        else connectionsByAddress.delete(address);
      });
      accept(true);
    },
  });

  /** A reader that lets output pile up is dropped rather than buffered without bound. */
  const keepsUp = (socket: WebSocket) => {
    if (socket.bufferedAmount <= caps.maxBufferedBytes) return true;
    logger.warn({ bufferedBytes: socket.bufferedAmount }, "websocket connection dropped: the client does not read its messages");
    socket.terminate();
    return false;
  };

  const server = makeServer<Record<string, unknown>, SocketExtra & { socket: WebSocket; request: IncomingMessage }>({
    // Run under the operation's span (resolver and database spans are its children).
    execute: telemetry ? (args) => telemetry.within(telemetry.current(), () => execute(args)) : undefined,
    subscribe: telemetry ? (args) => telemetry.within(telemetry.current(), () => deps.subscribe(args)) : deps.subscribe,
    // Refusals say why, so clients know whether to retry: 4401 (a bad token: not with it), 1012
    // (shutting down: elsewhere, or later) or 1013 (could not check the caller now: later). Not
    // graphql-ws's default 4403, which would claim the caller is forbidden.
    onConnect: async (ctx) => {
      if (deps.isDraining()) {
        ctx.extra.socket.close(CLOSE_SERVICE_RESTART, "The server is shutting down");
        return false;
      }
      const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      try {
        const context = await gate.contextFor({ authorization });
        ctx.extra.authorization = authorization;
        liveSessions.track(ctx.extra.socket, context.viewer);
        return true;
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === "UNAUTHENTICATED") {
          ctx.extra.socket.close(CloseCode.Unauthorized, error.message);
        } else {
          logger.error({ err: error }, "websocket connection refused: the caller could not be checked");
          ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, "Try again later");
        }
        return false;
      }
    },
    onSubscribe: async (ctx, id, payload) => {
      const operation = telemetry?.begin(ctx.extra.socket, id, ctx.extra.clientAddress);
      if (Object.keys(ctx.subscriptions).length > caps.maxOperationsPerConnection) {
        return [
          new GraphQLError(`At most ${caps.maxOperationsPerConnection} operations may be open on one connection`, {
            extensions: { code: "RATE_LIMITED", reason: "tooManyOperations" },
          }),
        ];
      }
      const caller = { authorization: ctx.extra.authorization, requestId: operation?.store.requestId ?? randomUUID(), clientAddress: ctx.extra.clientAddress };
      const prepared = await (telemetry ? telemetry.within(operation, () => gate.prepare(payload, caller)) : gate.prepare(payload, caller));
      if (!prepared.errors) {
        if (operation) telemetry!.named(operation, prepared.args.document, prepared.args.operationName ?? undefined);
        return prepared.args;
      }
      // The identity this socket was opened with is gone (deleted, revoked): so is the socket.
      if (prepared.unauthenticated) ctx.extra.socket.close(CloseCode.Unauthorized, "The bearer token is no longer valid");
      return prepared.errors;
    },
    onOperation: (ctx, id, _payload, _args, result) => {
      if (telemetry && Symbol.asyncIterator in result) telemetry.subscribed(ctx.extra.socket, id);
    },
    onNext: (ctx, id, _payload, _args, result) => {
      const formatted = gate.formatResult(result);
      telemetry?.answered(ctx.extra.socket, id, formatted.errors);
      return formatted;
    },
    onError: (ctx, id, _payload, errors) => {
      const formatted = gate.formatErrors(errors);
      telemetry?.answered(ctx.extra.socket, id, formatted);
      return formatted;
    },
    onComplete: (ctx, id) => telemetry?.completed(ctx.extra.socket, id),
  });

  // graphql-ws's own `ws` adapter, with our logger, without its console output, and with the
  // slow-reader bound applied where messages are sent.
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on("connection", (socket, request) => {
    socket.once("error", (error) => {
      logger.warn({ err: error }, "websocket connection error");
      socket.close(CloseCode.InternalServerError, "Internal server error");
    });
    let pongWait: NodeJS.Timeout | undefined;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once("pong", () => clearTimeout(pongWait));
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN || !keepsUp(socket)) return resolve();
            // A failed send means the connection is gone; its close handler cleans up.
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", async (data) => {
            try {
              await (telemetry ? telemetry.inMessage(() => handle(String(data))) : handle(String(data)));
            } catch (error) {
              logger.error({ err: error }, "unexpected error handling a websocket message");
              socket.close(CloseCode.InternalServerError, "Internal server error");
            }
          }),
      },
      { socket, request, clientAddress: addressOfRequest.get(request) },
    );
    socket.once("close", (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pingInterval);
      telemetry?.closed(socket);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, "Going away");
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
    connectionCount: () => wsServer.clients.size,
  };
}
