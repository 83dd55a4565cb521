import { createSecretBox, deriveKey } from "../../crypto/secret-box.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { Logger } from "../../logging/logger.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { OperationsService } from "../operations/operations.service.js";
import type { SessionsService } from "../sessions/sessions.service.js";
import type { UsersService } from "../users/users.service.js";
import { createEarlyHashes } from "./early-hashes.js";
import { passwordMethodsArgs } from "./password-methods.args.js";
import { PasswordMethodsResolver } from "./password-methods.resolver.js";
import { createPasswordResetService } from "./password-reset.service.js";
import { createPasswordResetWorker, type WorkerOptions } from "./password-reset.worker.js";

/** Password methods: resets started as long-running operations, run by a background worker. */
export const passwordMethodsFeature = {
  resolvers: [PasswordMethodsResolver],
  argumentSchemas: passwordMethodsArgs,
  create(deps: {
    audit: AuditTrail;
    operations: OperationsService;
    users: UsersService;
    sessions: SessionsService;
    hasher: PasswordHasher;
    encryptionKey: string;
    clock: Clock;
    events: EventBus;
    logger: Logger;
    workerOptions?: WorkerOptions;
  }) {
    // The new password waits in the operation's payload, sealed, until the worker stores its hash.
    const box = createSecretBox(deriveKey(deps.encryptionKey, "operations.payload"));
    const { audit, operations, users, sessions, hasher, clock, events, logger } = deps;
    // The new password's hash begins with the request, for this process's worker to take.
    const earlyHashes = createEarlyHashes(hasher);
    const resetWorker = createPasswordResetWorker({ audit, operations, users, sessions, hasher, earlyHashes, box, clock, events, logger, options: deps.workerOptions });
    const resets = createPasswordResetService({ audit, operations, users, box, onQueued: resetWorker.kick, earlyHashes });
    return { resets, resetWorker };
  },
};
