import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Logger } from "../../logging/logger.js";
import type { RateLimiter } from "../rate-limits/rate-limiter.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { UsersService } from "../users/users.service.js";
import { directorySettingsArgs } from "./directory-settings.args.js";
import { createDirectorySettingsRepository } from "./directory-settings.repository.js";
import { DirectorySettingsResolver } from "./directory-settings.resolver.js";
import { createDirectorySettingsService } from "./directory-settings.service.js";
import { SecurityRoleResolver } from "./security-role.resolver.js";
import { createSmsDestinationPolicy } from "./sms-destination-policy.js";

/** Identity stores (sign-in types, SMS gateway, template, destinations) and security roles (enforced types, members). */
export const directorySettingsFeature = {
  resolvers: [DirectorySettingsResolver, SecurityRoleResolver],
  argumentSchemas: directorySettingsArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; users: UsersService; gateways: SmsGatewaysService; rateLimiter: RateLimiter; logger: Logger }) {
    return {
      settings: createDirectorySettingsService({ audit: deps.audit, repo: createDirectorySettingsRepository(deps.prisma), gateways: deps.gateways, users: deps.users }),
      destinationPolicy: createSmsDestinationPolicy({ rateLimiter: deps.rateLimiter, logger: deps.logger }),
    };
  },
};
