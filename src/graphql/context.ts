import { randomUUID } from "node:crypto";
import type { Viewer } from "../auth/viewer.js";
import type { Loaders, RequestScope } from "../modules/request-scope.js";

/** Per-request state shared by HTTP and graphql-ws: who calls, batching loaders, a request id. */
export interface GraphQLContext extends RequestScope {
  requestId: string;
}

export type LoaderFactory = () => Partial<Loaders>;

export function createContextFactory(loaderFactories: LoaderFactory[]) {
  return (viewer: Viewer, requestId: string = randomUUID()): GraphQLContext => {
    const loaders = Object.assign({}, ...loaderFactories.map((make) => make())) as Loaders;
    return { viewer, loaders, requestId };
  };
}
