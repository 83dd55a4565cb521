import { randomUUID } from "node:crypto";
import type { Viewer } from "../auth/viewer.js";
import type { RecordedAuditEvent } from "../modules/audit/audit-trail.js";
import type { AuditEventFilterValues } from "../modules/audit/audit.repository.js";
import type { MethodChangeEvent } from "../modules/authentication/method-changes.js";
import type { OperationEvent } from "../modules/operations/operations.service.js";
import { createRequestLoaders, type RequestLoaders, type RequestScope } from "../modules/request-scope.js";

/** Live sources behind subscriptions (process-wide services, reached from the context). */
export interface Feeds {
  followOperation(scope: RequestScope, operationId: string): Promise<AsyncIterable<OperationEvent>>;
  followMethodChanges(scope: RequestScope, userRef: string | null | undefined): Promise<AsyncIterable<MethodChangeEvent>>;
  followAuditEvents(scope: RequestScope, filter: AuditEventFilterValues): Promise<AsyncIterable<RecordedAuditEvent>>;
}

/** Per-request state shared by HTTP and graphql-ws: who calls, batching loaders, a request id. */
export interface GraphQLContext extends RequestScope {
  requestId: string;
  feeds: Feeds;
  /** The client's network address: the caller of unauthenticated flows for rate limits (SMS sign-in). */
  clientAddress?: string;
}

export type ContextFactory = (viewer: Viewer, requestId?: string, clientAddress?: string, loaders?: RequestLoaders) => GraphQLContext;

export function createContextFactory(feeds: Feeds): ContextFactory {
  return (viewer, requestId = randomUUID(), clientAddress, loaders = createRequestLoaders()) => ({ viewer, loaders, requestId, feeds, clientAddress });
}
