import type { TokenService } from "../../auth/token-service.js";
import type { Prisma } from "../../db/database.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { Logger } from "../../logging/logger.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { Sweep } from "../housekeeping/housekeeping.js";
import type { SignInService } from "../sign-in/sign-in.service.js";
import type { UsersService } from "../users/users.service.js";
import { createPasswordChangeService } from "./password-change.service.js";
import { sessionsArgs } from "./sessions.args.js";
import { createSessionsRepository } from "./sessions.repository.js";
import { SessionsResolver } from "./sessions.resolver.js";
import { createSessionsService, type SessionsService } from "./sessions.service.js";

/**
 * Sessions: refresh tokens (rotated, reuse ends the session), signing out, and changing one's own
 * password. Built in two steps: sessions before sign-in (which starts them), the password change
 * after it (which confirms passwords as sign-in does).
 */
export const sessionsFeature = {
  resolvers: [SessionsResolver],
  argumentSchemas: sessionsArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; tokens: TokenService; clock: Clock; events: Pick<EventBus, "publish">; logger: Logger; refreshTokenTtlSeconds: number; sessionMaxSeconds: number }) {
    const repo = createSessionsRepository(deps.prisma);
    const sweeps: Sweep[] = [{ name: "sessions", run: repo.deleteEndedSessions }];
    return { sessions: createSessionsService({ ...deps, repo }), sweeps };
  },
  createPasswordChange(deps: {
    audit: AuditTrail;
    users: UsersService;
    signIn: SignInService;
    sessions: SessionsService;
    hasher: PasswordHasher;
    clock: Clock;
    events: Pick<EventBus, "publish">;
    logger: Logger;
  }) {
    return { passwordChange: createPasswordChangeService(deps) };
  },
};
