import { setTimeout as delay } from "node:timers/promises";
import { createConsoleSender, type SmsOutbox } from "./console-sender.js";
import { createEndpointGuard, type EndpointGuard } from "./endpoint-guard.js";
import type { HttpRetryPolicy } from "./http-retry.js";
import { SmsDeliveryError } from "./sms-delivery-error.js";
import type { SmsGatewayConfig, SmsLogger, SmsSender } from "./sms-sender.js";
import { createTwilioSender } from "./twilio-sender.js";
import { createWebhookSender } from "./webhook-sender.js";

export { createSmsOutbox, type SmsOutbox, type SmsOutboxEntry } from "./console-sender.js";
export { createEndpointGuard, type EndpointGuard } from "./endpoint-guard.js";
export { SmsDeliveryError } from "./sms-delivery-error.js";
export type { SmsGatewayConfig, SmsLogger, SmsMessage, SmsSender, SmsSendResult } from "./sms-sender.js";

export interface SmsSenderFactoryDeps {
  outbox: SmsOutbox;
  logger: SmsLogger;
  revealCodesInLog: boolean;
  /** Which endpoints HTTP providers may reach. Default: public https addresses only. */
  endpointGuard?: EndpointGuard;
  /** Replaces the guarded fetch (tests only: it bypasses endpointGuard). */
  fetchImpl?: typeof fetch;
  /** Per HTTP attempt, including reading the reply. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts after the first for transient failures. Default 2. */
  retries?: number;
  /** First backoff; doubles on each retry. Default 200. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Clock for outbox timestamps and webhook signatures. */
  now?: () => Date;
  /** Told of every send's outcome (`sent`, or the SmsDeliveryError reason): metrics. */
  onOutcome?: (provider: string, outcome: string) => void;
}

/** Builds the SmsSender for a gateway account's provider; shares one outbox, logger and retry policy. */
export function createSmsSenderFactory(deps: SmsSenderFactoryDeps): (config: SmsGatewayConfig) => SmsSender {
  const policy: HttpRetryPolicy = {
    timeoutMs: deps.timeoutMs ?? 5000,
    retries: deps.retries ?? 2,
    backoffMs: deps.backoffMs ?? 200,
    sleep: deps.sleep ?? ((ms) => delay(ms)),
  };
  const fetchImpl: typeof fetch = deps.fetchImpl ?? (deps.endpointGuard ?? createEndpointGuard({ allowPrivateEndpoints: false })).fetch;
  const now = deps.now ?? (() => new Date());

  const onOutcome = deps.onOutcome;
  const build = (config: SmsGatewayConfig): SmsSender => {
    const account = { endpoint: config.endpoint, senderId: config.senderId, credentials: config.credentials };
    switch (config.provider) {
      case "console":
        return createConsoleSender({ outbox: deps.outbox, logger: deps.logger, revealCodesInLog: deps.revealCodesInLog, senderId: config.senderId, now });
      case "webhook":
        return createWebhookSender({ ...account, fetchImpl, policy, logger: deps.logger, now });
      case "twilio":
        return createTwilioSender({ ...account, fetchImpl, policy, logger: deps.logger });
      default:
        // Provider names come from the database; an unknown one is a configuration fault, not a crash.
        throw new SmsDeliveryError(`unknown SMS provider "${String((config as { provider: unknown }).provider)}"`, "gatewayMisconfigured", false);
    }
  };
  if (!onOutcome) return build;
  return (config) => {
    const sender = build(config);
    return {
      async send(message) {
        try {
          const result = await sender.send(message);
          onOutcome(config.provider, "sent");
          return result;
        } catch (error) {
          onOutcome(config.provider, error instanceof SmsDeliveryError ? error.reason : "error");
          throw error;
        }
      },
    };
  };
}
