import { createEndpointGuard, createSmsOutbox, createSmsSenderFactory } from "../../connectors/sms/index.js";
import type { Config } from "../../config/config.js";
import { createSecretBox, deriveKey } from "../../crypto/secret-box.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import { smsGatewaysArgs } from "./sms-gateways.args.js";
import { createSmsGatewaysRepository } from "./sms-gateways.repository.js";
import { SmsGatewaysResolver } from "./sms-gateways.resolver.js";
import { createSmsGatewaysService } from "./sms-gateways.service.js";

/** SMS gateway accounts and sending through them (the connectors behind them, one per provider). */
export const smsGatewaysFeature = {
  resolvers: [SmsGatewaysResolver],
  argumentSchemas: smsGatewaysArgs,
  create(deps: { audit: AuditTrail; prisma: Prisma; encryptionKey: string; sms: Config["sms"]; clock: Clock; logger: Logger; onSmsOutcome?: (provider: string, outcome: string) => void }) {
    const { sms, clock, logger } = deps;
    const smsOutbox = createSmsOutbox();
    const endpointGuard = createEndpointGuard({ allowPrivateEndpoints: sms.allowPrivateEndpoints });
    const gateways = createSmsGatewaysService({
      audit: deps.audit,
      repo: createSmsGatewaysRepository(deps.prisma),
      secretBox: createSecretBox(deriveKey(deps.encryptionKey, "sms-gateway.credentials")),
      createSender: createSmsSenderFactory({ outbox: smsOutbox, logger, revealCodesInLog: sms.revealCodesInLog, endpointGuard, now: () => clock.now(), onOutcome: deps.onSmsOutcome }),
      endpointGuard,
      logger,
    });
    return { gateways, smsOutbox, closeConnectors: () => endpointGuard.close() };
  },
};
