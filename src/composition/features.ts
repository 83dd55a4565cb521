import type { Config } from "../config/config.js";
import type { EventBus } from "../events/event-bus.js";
import type { Feeds } from "../graphql/context.js";
import { createHousekeeping } from "../modules/housekeeping/housekeeping.js";
import {
  authenticationFeature,
  directorySettingsFeature,
  oneTimeCodesFeature,
  operationsFeature,
  passwordMethodsFeature,
  phoneMethodsFeature,
  policyFeature,
  signInFeature,
  smsGatewaysFeature,
  usersFeature,
} from "../modules/index.js";
import type { SmsDeliveryWorkerOptions } from "../modules/one-time-codes/sms-delivery.worker.js";
import type { WorkerOptions } from "../modules/password-methods/password-reset.worker.js";
import { rateLimitsFeature } from "../modules/rate-limits/index.js";
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
  const { config, events } = deps;
  const { clock, logger, hasher, tokens, encryptionKey } = core;
  const { prisma, sql } = core.database;

  const { rateLimiter, sweeps: rateLimitSweeps } = rateLimitsFeature.create({ prisma, clock });
  const { users } = usersFeature.create({ prisma, sql, hasher, clock, events });
  const { gateways, smsOutbox, closeConnectors } = smsGatewaysFeature.create({ prisma, encryptionKey, sms: config.sms, clock, logger });
  const { settings, destinationPolicy } = directorySettingsFeature.create({ prisma, users, gateways, rateLimiter, logger });
  const { policy } = policyFeature.create({ prisma, sql, users, settings });
  const { phones } = phoneMethodsFeature.create({ prisma, sql, users, policy, events });
  const { operations } = operationsFeature.create({ prisma, users, events, clock });
  const { followMethodChanges } = authenticationFeature.create({ users, events });
  const { resets, resetWorker } = passwordMethodsFeature.create({ operations, users, hasher, encryptionKey, clock, events, logger, workerOptions: deps.workerOptions });
  const { signIn } = signInFeature.create({ users, hasher, tokens, rateLimiter, limits: config.signIn, settings, phones });
  const { codes, smsDeliveryWorker, sweeps: codeSweeps } = oneTimeCodesFeature.create({
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
  });
  const housekeeping = createHousekeeping({ sweeps: [...codeSweeps, ...rateLimitSweeps], clock, logger });
  const feeds: Feeds = { followOperation: operations.followOperation, followMethodChanges };

  return {
    /** What resolvers are made with (each names the ones it uses). */
    services: { users, policy, phones, operations, resets, signIn, gateways, settings, codes },
    feeds,
    /** Messages the `console` SMS provider "sent" (development tools and tests read codes here). */
    smsOutbox,
    housekeeping,
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
