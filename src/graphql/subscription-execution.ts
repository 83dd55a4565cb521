import {
  createSourceEventStream,
  execute,
  getOperationAST,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";

/**
 * graphql-js's subscribe, with one difference: for root fields whose result depends only on
 * the event (not on who is listening), an event is executed once per distinct operation and the
 * result shared by every subscriber. One status change to a thousand subscribers then costs one
 * execution instead of a thousand. Authorisation still happens per subscriber, on subscribe.
 */
export function createSharedSubscribe(eventOnlyFields: ReadonlySet<string>) {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async function subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
    const operation = getOperationAST(args.document, args.operationName);
    const rootFields = operation?.selectionSet.selections.map((s) => (s.kind === "Field" ? s.name.value : "")) ?? [];
    const shareable = rootFields.length > 0 && rootFields.every((f) => eventOnlyFields.has(f));
    const key = shareable ? `${print(args.document)}|${args.operationName ?? ""}|${JSON.stringify(args.variableValues ?? {})}` : "";
    const source = stream as AsyncGenerator<unknown>;

    const run = (payload: unknown) => Promise.resolve(execute({ ...args, rootValue: payload }));
    const resultFor = (payload: unknown): Promise<ExecutionResult> => {
      if (!shareable || typeof payload !== "object" || payload === null) return run(payload);
      let byKey = results.get(payload);
      if (!byKey) results.set(payload, (byKey = new Map()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = run(payload)));
      return result;
    };

    // A plain iterator, not an async generator: a generator's return() waits for the pending
    // next() (an event that may never come), so an ended subscription would keep its listener.
    const done = async (): Promise<IteratorResult<ExecutionResult>> => {
      await source.return?.(undefined);
      return { done: true, value: undefined };
    };
    const results$: AsyncGenerator<ExecutionResult> = {
      async next() {
        const next = await source.next();
        return next.done ? { done: true, value: undefined } : { done: false, value: await resultFor(next.value) };
      },
      return: done,
      async throw(error: unknown) {
        await done();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return results$;
  };
}
