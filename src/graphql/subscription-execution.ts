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

    return (async function* () {
      try {
        for await (const payload of source) yield await resultFor(payload);
      } finally {
        await source.return?.(undefined);
      }
    })();
  };
}
