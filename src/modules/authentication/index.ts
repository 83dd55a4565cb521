import type { EventBus } from "../../events/event-bus.js";
import type { UsersService } from "../users/users.service.js";
import { authenticationArgs } from "./authentication.args.js";
import { AuthenticationResolver } from "./authentication.resolver.js";
import { MethodChangesResolver } from "./method-changes.resolver.js";
import { createMethodChangesFeed } from "./method-changes.js";

/** A user's authentication methods as one view (phones, password, operations), and their changes live. */
export const authenticationFeature = {
  resolvers: [AuthenticationResolver, MethodChangesResolver],
  argumentSchemas: authenticationArgs,
  create(deps: { users: UsersService; events: EventBus }) {
    return { followMethodChanges: createMethodChangesFeed(deps) };
  },
};
