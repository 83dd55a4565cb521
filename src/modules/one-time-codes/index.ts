import { createSecretBox, deriveKey } from "../../crypto/secret-box.js";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { Prisma } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../logging/logger.js";
import type { DirectorySettingsService } from "../directory-settings/directory-settings.service.js";
import type { SmsDestinationPolicy } from "../directory-settings/sms-destination-policy.js";
import type { Sweep } from "../housekeeping/housekeeping.js";
import type { PhoneMethodsService } from "../phone-methods/phone-methods.service.js";
import type { RateLimiter } from "../rate-limits/rate-limiter.js";
import type { SignInService } from "../sign-in/sign-in.service.js";
import type { SmsGatewaysService } from "../sms-gateways/sms-gateways.service.js";
import type { UsersService } from "../users/users.service.js";
import { createCodeHasher } from "./challenge-codes.js";
import { createChallengeTokens } from "./challenge-tokens.js";
import { createCodeChallenges } from "./code-challenges.js";
import { createCodeGuessBudget } from "./code-guess-budget.js";
import { createCodeSendLimits } from "./code-send-limits.js";
import { oneTimeCodesArgs } from "./one-time-codes.args.js";
import { createOneTimeCodesRepository } from "./one-time-codes.repository.js";
import { OneTimeCodesResolver } from "./one-time-codes.resolver.js";
import { createOneTimeCodesService } from "./one-time-codes.service.js";
import { createSmsDeliveriesRepository, type SmsDeliveryRecord } from "./sms-deliveries.repository.js";
import { createSmsDeliveryWorker, type DeliveryOutcome, type SmsDeliveryWorkerOptions } from "./sms-delivery.worker.js";

const HOUR_MS = 3_600_000;

/** SMS one-time codes: enrolment, step-up and SMS sign-in, with sign-in codes texted by a background worker. */
export const oneTimeCodesFeature = {
  resolvers: [OneTimeCodesResolver],
  argumentSchemas: oneTimeCodesArgs,
  create(deps: {
    audit: AuditTrail;
    prisma: Prisma;
    encryptionKey: string;
    rateLimiter: RateLimiter;
    users: UsersService;
    phones: PhoneMethodsService;
    settings: DirectorySettingsService;
    gateways: SmsGatewaysService;
    destinationPolicy: SmsDestinationPolicy;
    signIn: SignInService;
    clock: Clock;
    logger: Logger;
    smsDeliveryOptions?: SmsDeliveryWorkerOptions;
    /** Sends a queued notice (purpose `notice`: src/modules/notices); without it, notices are dropped. */
    deliverNotice?: (delivery: SmsDeliveryRecord) => Promise<DeliveryOutcome>;
  }) {
    const { encryptionKey, clock, logger } = deps;
    const codesRepo = createOneTimeCodesRepository(deps.prisma);
    const deliveriesRepo = createSmsDeliveriesRepository(deps.prisma);
    const codes = createOneTimeCodesService({
      audit: deps.audit,
      challenges: createCodeChallenges({
        store: codesRepo,
        hasher: createCodeHasher(deriveKey(encryptionKey, "one-time-codes.hash")),
        clock,
        ttlSeconds: 600,
        maxAttempts: 5,
        guessBudget: createCodeGuessBudget({ store: codesRepo, clock }),
      }),
      challengeTokens: createChallengeTokens({ store: codesRepo, clock, ttlSeconds: 300 }),
      sendLimits: createCodeSendLimits({ rateLimiter: deps.rateLimiter }),
      users: deps.users,
      phones: deps.phones,
      settings: deps.settings,
      gateways: deps.gateways,
      destinationPolicy: deps.destinationPolicy,
      signInQueue: codesRepo,
      deliveries: deliveriesRepo,
      box: createSecretBox(deriveKey(encryptionKey, "sms-deliveries.message")),
      onQueued: () => smsDeliveryWorker.kickSoon(),
      signIn: deps.signIn,
      clock,
      logger,
    });
    // One queue carries codes and notices: the purpose says which side sends it.
    const deliverQueued = (delivery: SmsDeliveryRecord): Promise<DeliveryOutcome> =>
      delivery.purpose === "notice" ? (deps.deliverNotice?.(delivery) ?? Promise.resolve("dropped")) : codes.deliverQueuedCode(delivery);
    const smsDeliveryWorker = createSmsDeliveryWorker({ repo: deliveriesRepo, deliver: deliverQueued, clock, logger, options: deps.smsDeliveryOptions });
    const sweeps: Sweep[] = [
      { name: "challengesAndTokens", run: codesRepo.deleteExpiredChallengesAndTokens },
      // Wrong-code logs are kept for their 24-hour window, delivery outcomes a week for administrators.
      { name: "codeGuessLogs", run: (before) => codesRepo.deleteIdleGuessLogs(new Date(before.getTime() - 24 * HOUR_MS)) },
      { name: "smsDeliveries", run: (before) => deliveriesRepo.deleteDeliveriesCreatedBefore(new Date(before.getTime() - 7 * 24 * HOUR_MS)) },
    ];
    return { codes, smsDeliveryWorker, sweeps };
  },
};
