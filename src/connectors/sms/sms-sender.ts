import type { SmsProvider } from "../../generated/prisma/enums.js";

// The one interface every provider implements (console-sender, webhook-sender, twilio-sender);
// index.ts picks the provider of a gateway account.

export interface SmsMessage {
  /** E.164, e.g. "+12065550123". */
  to: string;
  body: string;
  /** Overrides the gateway account's senderId for this message. */
  senderId?: string | null;
}

export interface SmsGatewayConfig {
  provider: SmsProvider;
  endpoint?: string | null;
  senderId?: string | null;
  /** Already decrypted. */
  credentials?: string | null;
}

export interface SmsSendResult {
  providerMessageId?: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<SmsSendResult>;
}

export interface SmsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}
