import { createHmac, randomUUID } from "node:crypto";
import { deliverWithRetry, parseHttpEndpoint, transientStatusFailure, type HttpSenderOptions } from "./http-retry.js";
import { SmsDeliveryError } from "./sms-delivery-error.js";
import type { SmsMessage, SmsSender } from "./sms-sender.js";

export interface WebhookSenderOptions extends HttpSenderOptions {
  now: () => Date;
}

/**
 * Delivers SMS by POSTing JSON `{to, body, senderId}` to a customer-run endpoint.
 *
 * Receiver contract (when the account has credentials):
 * - `x-authgate-timestamp`: unix seconds at the time of this attempt.
 * - `x-authgate-signature`: `sha256=` + hex HMAC-SHA256, keyed with the credentials, over
 *   `${timestamp}.${rawBody}` where rawBody is the exact request body bytes.
 *   Receivers should recompute it over the raw body (before JSON parsing), compare in constant
 *   time, and reject timestamps outside a few minutes so a captured request cannot be replayed.
 * - `x-authgate-delivery-id`: the same on every retry of one message, so receivers can drop duplicates.
 * Any 2xx is success; a JSON reply with a string `messageId` or `id` becomes the providerMessageId.
 * 401/403 mean bad credentials, 429 and 5xx are retried, other 4xx are final.
 */
export function createWebhookSender(options: WebhookSenderOptions): SmsSender {
  return {
    async send(message: SmsMessage) {
      const url = parseHttpEndpoint(options.endpoint, "webhook");
      const body = JSON.stringify({ to: message.to, body: message.body, senderId: message.senderId ?? options.senderId ?? null });
      const deliveryId = randomUUID();

      const result = await deliverWithRetry(
        options.policy,
        async (signal) => {
          const response = await options.fetchImpl(url, {
            method: "POST",
            headers: webhookHeaders(body, deliveryId, options.credentials, options.now()),
            body,
            signal,
            redirect: "error",
          });
          const replyText = await response.text();
          if (response.ok) return { providerMessageId: messageIdFrom(replyText) };
          throw webhookStatusFailure(response.status);
        },
        (notice) => options.logger.warn({ provider: "webhook", deliveryId, ...notice }, "SMS webhook attempt failed; retrying"),
      );

      options.logger.info({ provider: "webhook", deliveryId, providerMessageId: result.providerMessageId }, "SMS handed to webhook");
      return result;
    },
  };
}

function webhookHeaders(body: string, deliveryId: string, credentials: string | null | undefined, now: Date): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    "x-authgate-delivery-id": deliveryId,
  };
  if (credentials) {
    // Signed per attempt so that a retry after backoff still carries a fresh timestamp.
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac("sha256", credentials).update(`${timestamp}.${body}`, "utf8").digest("hex");
    headers["x-authgate-timestamp"] = timestamp;
    headers["x-authgate-signature"] = `sha256=${signature}`;
  }
  return headers;
}

function webhookStatusFailure(status: number): SmsDeliveryError {
  const transient = transientStatusFailure("webhook", status);
  if (transient) return transient;
  if (status === 401 || status === 403) {
    return new SmsDeliveryError(`webhook gateway refused our credentials (HTTP ${status})`, "gatewayAuthFailed", false);
  }
  return new SmsDeliveryError(`webhook gateway rejected the message (HTTP ${status})`, "gatewayRejected", false);
}

function messageIdFrom(replyText: string): string | undefined {
  try {
    const reply = JSON.parse(replyText) as { messageId?: unknown; id?: unknown } | null;
    const id = reply?.messageId ?? reply?.id;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
