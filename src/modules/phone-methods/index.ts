import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { EventBus } from "../../events/event-bus.js";
import type { UserMemory } from "../../events/user-memory.js";
import type { PhoneMethodRecord } from "./phone-methods.repository.js";
import type { PolicyService } from "../policy/policy.service.js";
import type { UsersService } from "../users/users.service.js";
import { phoneMethodsArgs } from "./phone-methods.args.js";
import { createPhoneMethodsRepository } from "./phone-methods.repository.js";
import { PhoneMethodsResolver } from "./phone-methods.resolver.js";
import { createPhoneMethodsService } from "./phone-methods.service.js";

/** Phone authentication methods and their SMS sign-in state. */
export const phoneMethodsFeature = {
  resolvers: [PhoneMethodsResolver],
  argumentSchemas: phoneMethodsArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; sql: Sql; users: UsersService; policy: PolicyService; events: EventBus; memory?: UserMemory<PhoneMethodRecord[]> }) {
    const repo = createPhoneMethodsRepository(deps.prisma, deps.sql);
    return { phones: createPhoneMethodsService({ audit: deps.audit, repo, users: deps.users, policy: deps.policy, events: deps.events, memory: deps.memory }) };
  },
};
