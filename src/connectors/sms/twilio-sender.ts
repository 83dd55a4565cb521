import { deliverWithRetry, parseHttpEndpoint, transientStatusFailure, type HttpSenderOptions } from "./http-retry.js";
import { SmsDeliveryError } from "./sms-delivery-error.js";
import type { SmsMessage, SmsSender } from "./sms-sender.js";

export type TwilioSenderOptions = HttpSenderOptions;

interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

interface TwilioErrorReply {
  code?: number;
  message?: string;
}

const DEFAULT_TWILIO_ENDPOINT = "https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json";
// Messaging Service SIDs are "MG" + 32 hex digits; a looser "starts with MG" test would misroute an alphanumeric sender such as "MGMotors".
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
// Twilio error codes that mean "this number cannot receive from us": retrying will not help.
const INVALID_RECIPIENT_CODES = new Set([21211, 21408, 21610, 21614]);
const AUTH_FAILED_CODE = 20003;
const TOO_MANY_REQUESTS_CODE = 20429;

/** Delivers SMS through Twilio's Messages REST API, mapping Twilio error codes to delivery reasons. */
export function createTwilioSender(options: TwilioSenderOptions): SmsSender {
  return {
    async send(message: SmsMessage) {
      const credentials = parseTwilioCredentials(options.credentials);
      const url = parseHttpEndpoint(resolveEndpoint(options.endpoint, credentials.accountSid), "twilio");
      const form = messageForm(message, options.senderId);
      const authorization = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString("base64")}`;

      const result = await deliverWithRetry(
        options.policy,
        async (signal) => {
          const response = await options.fetchImpl(url, {
            method: "POST",
            headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
            body: form,
            signal,
            redirect: "error",
          });
          const reply = parseJson(await response.text());
          if (response.ok) {
            const sid = (reply as { sid?: unknown } | undefined)?.sid;
            return { providerMessageId: typeof sid === "string" ? sid : undefined };
          }
          throw twilioFailure(response.status, (reply ?? {}) as TwilioErrorReply, credentials);
        },
        (notice) => options.logger.warn({ provider: "twilio", ...notice }, "Twilio attempt failed; retrying"),
      );

      options.logger.info({ provider: "twilio", providerMessageId: result.providerMessageId }, "SMS handed to Twilio");
      return result;
    },
  };
}

function parseTwilioCredentials(credentials: string | null | undefined): TwilioCredentials {
  const separator = credentials?.indexOf(":") ?? -1;
  const accountSid = credentials?.slice(0, separator).trim() ?? "";
  const authToken = credentials?.slice(separator + 1).trim() ?? "";
  if (separator <= 0 || !accountSid || !authToken) {
    throw new SmsDeliveryError("twilio credentials must be 'ACCOUNT_SID:AUTH_TOKEN'", "gatewayAuthFailed", false);
  }
  return { accountSid, authToken };
}

function resolveEndpoint(endpoint: string | null | undefined, accountSid: string): string {
  const template = endpoint?.trim() || DEFAULT_TWILIO_ENDPOINT;
  const sid = encodeURIComponent(accountSid);
  return template.replaceAll("{AccountSid}", sid).replaceAll("{SID}", sid);
}

function messageForm(message: SmsMessage, defaultSenderId: string | null | undefined): URLSearchParams {
  const sender = message.senderId ?? defaultSenderId;
  if (!sender) {
    // Twilio needs a From number or a Messaging Service; failing here avoids a request that cannot succeed.
    throw new SmsDeliveryError("twilio gateway account has no senderId (From number or MG… Messaging Service SID)", "gatewayMisconfigured", false);
  }
  const form = new URLSearchParams({ To: message.to, Body: message.body });
  form.set(MESSAGING_SERVICE_SID.test(sender) ? "MessagingServiceSid" : "From", sender);
  return form;
}

function twilioFailure(status: number, reply: TwilioErrorReply, credentials: TwilioCredentials): SmsDeliveryError {
  const code = typeof reply.code === "number" ? reply.code : undefined;
  const detail = describeTwilioError(status, code, reply.message, credentials);

  if (code !== undefined && INVALID_RECIPIENT_CODES.has(code)) {
    return new SmsDeliveryError(`twilio cannot deliver to this number (${detail})`, "invalidRecipient", false);
  }
  if (status === 401 || code === AUTH_FAILED_CODE) {
    return new SmsDeliveryError(`twilio refused our credentials (${detail})`, "gatewayAuthFailed", false);
  }
  if (code === TOO_MANY_REQUESTS_CODE) {
    return new SmsDeliveryError(`twilio is throttling us (${detail})`, "gatewayUnavailable", true);
  }
  const transient = transientStatusFailure("twilio", status);
  if (transient) return new SmsDeliveryError(`twilio is unavailable (${detail})`, transient.reason, true);
  return new SmsDeliveryError(`twilio rejected the message (${detail})`, "gatewayRejected", false);
}

function describeTwilioError(status: number, code: number | undefined, message: string | undefined, credentials: TwilioCredentials): string {
  const parts = [`HTTP ${status}`];
  if (code !== undefined) parts.push(`code ${code}`);
  // Twilio echoes resource paths (with the Account SID) in some messages; keep every part of the credentials out of errors and logs.
  if (message) parts.push(redact(message, [credentials.accountSid, credentials.authToken]).slice(0, 200));
  return parts.join(", ");
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((result, secret) => result.replaceAll(secret, "[redacted]"), text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
