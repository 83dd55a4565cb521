import type { Config } from "../config/config.js";
import type { EventBus } from "../events/event-bus.js";
import type { Feeds } from "../graphql/context.js";
import { createHousekeeping } from "../modules/housekeeping/housekeeping.js";
import {
  auditFeature,
  authenticationFeature,
  directorySettingsFeature,
  noticesFeature,
  oneTimeCodesFeature,
  operationsFeature,
  passwordMethodsFeature,
  phoneMethodsFeature,
  policyFeature,
  sessionsFeature,
  signInFeature,
  smsGatewaysFeature,
  usersFeature,
} from "../modules/index.js";
import type { SmsDeliveryWorkerOptions } from "../modules/one-time-codes/sms-delivery.worker.js";
import type { WorkerOptions } from "../modules/password-methods/password-reset.worker.js";
import { rateLimitsFeature } from "../modules/rate-limits/index.js";
import { PASSWORD_RESET } from "../modules/password-methods/password-reset.service.js";
import { publishAfterCommit } from "../events/publish-after-commit.js";
import { createCallerCache } from "../auth/caller-cache.js";
import { createUserMemory, forgettingOnPublish } from "../events/user-memory.js";
import type { PhoneMethodRecord } from "../modules/phone-methods/phone-methods.repository.js";
import type { TokenCaller } from "../modules/users/users.repository.js";
import type { Core } from "./core.js";

export interface FeatureOptions {
  workerOptions?: WorkerOptions;
  /** Background SMS delivery (SMS sign-in codes), e.g. `enabled: false` to leave the queue undrained. */
  smsDeliveryOptions?: SmsDeliveryWorkerOptions;
}

/**
 * The composition root: every feature's services, built once from the core and from the features
 * they depend on, in that order; the background work they bring (queue workers, housekeeping).
 * Nothing here serves: no HTTP, no WebSocket.
 */
export function createFeatures(core: Core, deps: { config: Config; events: EventBus } & FeatureOptions) {
  const { config } = deps;
  const { transactions } = core.database;
  // Tokens' callers shared by requests, forgotten here as a change to their access is published
  // (and on other instances as they hear it).
  const remembering = config.jwt.callerCacheSeconds > 0 ? { ttlMs: config.jwt.callerCacheSeconds * 1000 } : undefined;
  const callers = remembering && createCallerCache<TokenCaller>(deps.events, remembering);
  // Users' phones, likewise (a caller reading their own methods then costs no statement).
  const phoneMemory = remembering && createUserMemory<PhoneMethodRecord[]>(deps.events, ["authenticationMethodChanged", "userAccessChanged"], remembering);
  // Events published in a transaction (a change and its audit record) go out as it commits.
  const committed = publishAfterCommit(deps.events, transactions);
  const events = callers && phoneMemory ? forgettingOnPublish(committed, [callers, phoneMemory], transactions) : committed;
  const { clock, logger, hasher, tokens, encryptionKey } = core;
  const { prisma, sql } = core.database;

  const { rateLimiter, sweeps: rateLimitSweeps } = rateLimitsFeature.create({ prisma, clock, onRefused: (rule) => core.telemetry.metrics.recordRateLimitRefusal(rule.reason) });
  const { audit, auditLog } = auditFeature.create({ prisma, transactions, events, clock, logger, retentionDays: config.audit.retentionDays });
  const { users } = usersFeature.create({ audit, prisma, sql, hasher, clock, events, callers });
  const { gateways, smsOutbox, closeConnectors } = smsGatewaysFeature.create({ audit, prisma, encryptionKey, sms: config.sms, clock, logger, onSmsOutcome: core.telemetry.metrics.recordSmsSend });
  const { settings, destinationPolicy } = directorySettingsFeature.create({ audit, prisma, users, gateways, rateLimiter, logger });
  const kickSmsDelivery = () => void transactions.afterCommit(() => smsDeliveryWorker.kickSoon());
  const { notices, noticeFollower, deliverNotice } = noticesFeature.create({ audit, prisma, sql, encryptionKey, settings, gateways, destinationPolicy, clock, logger, onQueued: kickSmsDelivery });
  audit.follow(noticeFollower);
  const { policy } = policyFeature.create({ audit, prisma, sql, users, settings });
  const { phones } = phoneMethodsFeature.create({ audit, prisma, sql, users, policy, events, memory: phoneMemory });
  const { operations } = operationsFeature.create({ prisma, users, events, clock });
  const { followMethodChanges } = authenticationFeature.create({ users, events });
  const { sessions, sweeps: sessionSweeps } = sessionsFeature.create({ audit, prisma, tokens, clock, events, logger, refreshTokenTtlSeconds: config.jwt.refreshTokenTtlSeconds, sessionMaxSeconds: config.jwt.sessionMaxSeconds });
  const { resets, resetWorker } = passwordMethodsFeature.create({ audit, operations, users, sessions, hasher, encryptionKey, clock, events, logger, workerOptions: deps.workerOptions });
  const { signIn } = signInFeature.create({ audit, users, hasher, sessions, rateLimiter, limits: config.signIn, settings, phones });
  const { passwordChange } = sessionsFeature.createPasswordChange({ audit, users, signIn, sessions, hasher, clock, events, logger });
  const { codes, smsDeliveryWorker, sweeps: codeSweeps } = oneTimeCodesFeature.create({
    audit,
    prisma,
    encryptionKey,
    rateLimiter,
    users,
    phones,
    settings,
    gateways,
    destinationPolicy,
    signIn,
    clock,
    logger,
    smsDeliveryOptions: deps.smsDeliveryOptions,
    deliverNotice,
  });
  const housekeeping = createHousekeeping({ sweeps: [...codeSweeps, ...rateLimitSweeps, ...sessionSweeps, auditLog.retentionSweep], clock, logger });
  const feeds: Feeds = { followOperation: operations.followOperation, followMethodChanges, followAuditEvents: auditLog.followAuditEvents };

  return {
    /** What resolvers are made with (each names the ones it uses). */
    services: { users, policy, phones, operations, resets, signIn, gateways, settings, codes, sessions, passwordChange, audit, auditLog, notices },
    feeds,
    /** Messages the `console` SMS provider "sent" (development tools and tests read codes here). */
    smsOutbox,
    housekeeping,
    /** Password resets waiting for a worker (metrics read it on scrape). */
    passwordResetQueue: () => operations.queueStats(PASSWORD_RESET),
    /** Starts the background work: the queue workers and housekeeping. */
    async start() {
      await resetWorker.start();
      await smsDeliveryWorker.start();
      housekeeping.start();
    },
    /** Stops the background work, finishing (or handing back) what is in flight. */
    async stop() {
      housekeeping.stop();
      await Promise.all([resetWorker.stop(), smsDeliveryWorker.stop()]);
    },
    /** Releases the SMS connectors' connections, once nothing sends any more. */
    close: closeConnectors,
  };
}

export type Features = ReturnType<typeof createFeatures>;
