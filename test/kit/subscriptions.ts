import { createClient, type Client, type ClientOptions } from "graphql-ws";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import WebSocket from "ws";

export interface SubscriptionHandle<T> {
  /** Every payload received so far (data or errors). */
  events: { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Resolves when the server completes the subscription (or it errors). */
  done: Promise<void>;
  /** Waits until `predicate` holds for some event. */
  waitFor(predicate: (e: SubscriptionHandle<T>["events"][number]) => boolean, timeoutMs?: number): Promise<SubscriptionHandle<T>["events"][number]>;
  close(): void;
}

/** A real graphql-ws client connected to the test server, token in connectionParams. */
export function connectWs(httpUrl: string, token?: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: true,
    retryAttempts: 0,
    ...options,
  });
}

export function subscribe<T, V>(client: Client, document: TypedDocumentNode<T, V>, variables: V): SubscriptionHandle<T> {
  const events: SubscriptionHandle<T>["events"] = [];
  const waiters = new Set<() => void>();
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const notify = () => waiters.forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        events.push(value as SubscriptionHandle<T>["events"][number]);
        notify();
      },
      error: (error) => {
        const close = error as { code?: number; reason?: string };
        const message = typeof close?.code === "number" ? `connection closed: ${close.code} ${close.reason ?? ""}`.trim() : String((error as Error)?.message ?? error);
        const list = Array.isArray(error) ? error : [{ message, extensions: typeof close?.code === "number" ? { closeCode: close.code } : undefined }];
        events.push({ errors: list });
        notify();
        resolveDone();
      },
      complete: () => {
        resolveDone();
        notify();
      },
    },
  );
  return {
    events,
    done,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(predicate);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: dispose,
  };
}

export interface WsResult {
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** Set when the connection closed before the operation finished. */
  closeCode?: number;
}

/** Runs one query or mutation over a graphql-ws client and collects what came back. */
export function executeWs(client: Client, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<WsResult> {
  return new Promise((resolve) => {
    let result: WsResult = {};
    client.subscribe(
      { query, variables, operationName },
      {
        next: (value) => (result = value as WsResult),
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error });
          else if (typeof (error as { code?: unknown })?.code === "number") resolve({ closeCode: (error as { code: number }).code });
          else resolve({ errors: [{ message: String((error as Error)?.message ?? error) }] });
        },
        complete: () => resolve(result),
      },
    );
  });
}

/** A graphql-ws client that connects at once and keeps one socket open; its close is recorded (code and reason). */
export function connectWsRecordingClose(httpUrl: string, token?: string): Client & { closed: Promise<{ code: number; reason: string }>; connections(): number } {
  let connections = 0;
  let resolveClosed!: (c: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    onNonLazyError: () => {},
    retryAttempts: 0,
    on: {
      connected: () => connections++,
      closed: (event) => resolveClosed({ code: (event as { code: number }).code, reason: String((event as { reason?: unknown }).reason ?? "") }),
    },
  });
  return Object.assign(client, { closed, connections: () => connections });
}
