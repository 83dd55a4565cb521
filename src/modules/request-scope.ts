import type { Viewer } from "../auth/viewer.js";

/**
 * A request's own values, DataLoaders mostly: each is made on first use by its factory, which is
 * also its key, and kept for the request. Every feature owns its loaders; nothing lists them all.
 */
export interface RequestLoaders {
  get<T>(create: () => T): T;
  /** Forgets every value, so that the next read goes to the database (a subscription, per event). */
  clear(): void;
}

/** What a request carries into services: who calls, and the request's batching loaders. */
export interface RequestScope {
  viewer: Viewer;
  loaders: RequestLoaders;
  /** Where the request came from, for the audit trail (set for GraphQL requests). */
  requestId?: string;
  clientAddress?: string;
}

export function createRequestLoaders(): RequestLoaders {
  const values = new Map<() => unknown, unknown>();
  return {
    get<T>(create: () => T): T {
      if (!values.has(create)) values.set(create, create());
      return values.get(create) as T;
    },
    clear: () => values.clear(),
  };
}

/** The scope of work done outside any request (a background worker): an anonymous caller. */
export const createBackgroundScope = (): RequestScope => ({ viewer: { kind: "anonymous" }, loaders: createRequestLoaders() });
