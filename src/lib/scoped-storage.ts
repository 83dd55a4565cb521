import { AsyncLocalStorage } from "node:async_hooks";

/**
 * AsyncLocalStorage that is switched on only while work runs in it. On Node 20 an enabled
 * AsyncLocalStorage makes every promise the process creates, for whatever reason, call a hook:
 * measured here, about a fifth of the CPU of an authenticated read that never used it. So `run`
 * counts the work in progress, which ends when the promise `work` returns settles, and the
 * storage is disabled when none is left (Node then skips the hook). Whatever reads the store must
 * therefore happen before that promise settles: a callback that fires later finds no store.
 */
export interface ScopedStorage<T> {
  /** Runs `work` with `store` as the current one, for `work` and everything it awaits. */
  run<R>(store: T, work: () => R): R;
  /** The current store (undefined outside `run`, or once the work it belonged to has settled). */
  get(): T | undefined;
  /** Runs `work` outside any store, e.g. what follows a transaction's commit. */
  exit<R>(work: () => R): R;
  /** How many runs are in progress (for tests). */
  running(): number;
}

export function createScopedStorage<T>(): ScopedStorage<T> {
  const storage = new AsyncLocalStorage<T>();
  let running = 0;
  const settled = () => {
    if (--running === 0) storage.disable();
  };
  return {
    run(store, work) {
      running++;
      let result;
      try {
        result = storage.run(store, work);
      } catch (error) {
        settled();
        throw error;
      }
      if (result instanceof Promise) result.then(settled, settled);
      else settled();
      return result;
    },
    get: () => (running > 0 ? storage.getStore() : undefined),
    exit: (work) => storage.exit(work),
    running: () => running,
  };
}
