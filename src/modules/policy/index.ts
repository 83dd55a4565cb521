import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { UsersService } from "../users/users.service.js";
import { policyArgs } from "./policy.args.js";
import { createPolicyRepository } from "./policy.repository.js";
import { PolicyResolver } from "./policy.resolver.js";
import { createPolicyService } from "./policy.service.js";

/** The SMS authentication methods policy: who may use SMS, and who may sign in with it. */
export const policyFeature = {
  resolvers: [PolicyResolver],
  argumentSchemas: policyArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; sql: Sql; users: UsersService; settings: DirectorySettingsService }) {
    return { policy: createPolicyService({ audit: deps.audit, repo: createPolicyRepository(deps.prisma, deps.sql), users: deps.users, securityRoles: deps.settings }) };
  },
};
