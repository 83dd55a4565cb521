import type { EventBus, EventTopics } from "../../events/event-bus.js";
import type { RequestScope } from "../request-scope.js";
import type { UsersService } from "../users/users.service.js";

export type MethodChangeEvent = EventTopics["authenticationMethodChanged"];

/** Live feed of a user's method changes, for callers allowed to read that user's methods. */
export function createMethodChangesFeed(deps: { users: Pick<UsersService, "resolveTarget">; events: EventBus }) {
  return async function followMethodChanges(scope: RequestScope, userRef: string | null | undefined): Promise<AsyncIterable<MethodChangeEvent>> {
    const target = await deps.users.resolveTarget(scope, userRef, "read");
    return deps.events.subscribe("authenticationMethodChanged", (e) => e.userId === target.id);
  };
}
