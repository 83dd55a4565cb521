import type { CallerCache } from "../../auth/caller-cache.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { usersArgs } from "./users.args.js";
import { createUsersRepository, type TokenCaller } from "./users.repository.js";
import { UsersResolver } from "./users.resolver.js";
import { createUsersService } from "./users.service.js";

/** The directory: users, their directory roles, and whom a caller may act on. */
export const usersFeature = {
  resolvers: [UsersResolver],
  argumentSchemas: usersArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; sql: Sql; hasher: PasswordHasher; clock: Clock; events: Pick<EventBus, "publish">; callers?: CallerCache<TokenCaller> }) {
    const repo = createUsersRepository(deps.prisma, deps.sql);
    return { users: createUsersService({ audit: deps.audit, repo, hasher: deps.hasher, clock: deps.clock, events: deps.events, callers: deps.callers }) };
  },
};
