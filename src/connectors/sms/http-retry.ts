import type { SmsLogger } from "./sms-sender.js";
import { SmsDeliveryError } from "./sms-delivery-error.js";

export interface HttpRetryPolicy {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

export interface RetryNotice {
  attempt: number;
  nextDelayMs: number;
  reason: string;
  error: string;
}

/**
 * Runs `attempt` with a per-attempt timeout, retrying failures that are retryable
 * SmsDeliveryErrors, network errors or timeouts, with exponential backoff.
 */
export async function deliverWithRetry<T>(
  policy: HttpRetryPolicy,
  attempt: (signal: AbortSignal) => Promise<T>,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  const attempts = policy.retries + 1;
  let lastFailure: SmsDeliveryError | undefined;

  for (let index = 0; index < attempts; index++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    try {
      // The timer also covers reading the response body, so a gateway that stalls mid-body cannot hang a send.
      return await attempt(controller.signal);
    } catch (error) {
      const failure = classifyFailure(error, controller.signal.aborted, policy.timeoutMs);
      if (!failure.retryable) throw failure;
      lastFailure = failure;
    } finally {
      clearTimeout(timer);
    }

    if (index + 1 < attempts) {
      // A timed-out request may still have reached the gateway: we accept a rare duplicate SMS over a lost code.
      const nextDelayMs = policy.backoffMs * 2 ** index;
      onRetry?.({ attempt: index + 1, nextDelayMs, reason: lastFailure.reason, error: lastFailure.message });
      await policy.sleep(nextDelayMs);
    }
  }

  const failure = lastFailure as SmsDeliveryError;
  throw new SmsDeliveryError(`${failure.message} (gave up after ${attempts} attempts)`, failure.reason, true);
}

/** Parses a configured gateway endpoint, refusing anything that fetch would reject on every attempt. */
export function parseHttpEndpoint(endpoint: string | null | undefined, provider: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint ?? "");
  } catch {
    throw new SmsDeliveryError(`${provider} gateway endpoint is missing or not a URL`, "gatewayMisconfigured", false);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SmsDeliveryError(`${provider} gateway endpoint must be http(s)`, "gatewayMisconfigured", false);
  }
  // fetch refuses URLs with user:password, and secrets belong in the encrypted credentials field anyway.
  if (url.username || url.password) {
    throw new SmsDeliveryError(`${provider} gateway endpoint must not embed credentials`, "gatewayMisconfigured", false);
  }
  return url;
}

/** Maps an HTTP status that every gateway treats alike; undefined means the caller decides. */
export function transientStatusFailure(provider: string, status: number): SmsDeliveryError | undefined {
  if (status === 429 || status >= 500) {
    return new SmsDeliveryError(`${provider} gateway answered HTTP ${status}`, "gatewayUnavailable", true);
  }
  return undefined;
}

function classifyFailure(error: unknown, timedOut: boolean, timeoutMs: number): SmsDeliveryError {
  if (error instanceof SmsDeliveryError) return error;
  if (timedOut) {
    return new SmsDeliveryError(`gateway did not answer within ${timeoutMs} ms`, "gatewayTimeout", true);
  }
  // Only the low-level code (ECONNREFUSED, ENOTFOUND...) is kept: the full error could echo request details.
  const code = networkErrorCode(error);
  return new SmsDeliveryError(`gateway unreachable${code ? ` (${code})` : ""}`, "gatewayUnavailable", true);
}

function networkErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/** What an HTTP-based provider is built from: the account's settings and the delivery policy. */
export interface HttpSenderOptions {
  endpoint?: string | null;
  senderId?: string | null;
  credentials?: string | null;
  fetchImpl: typeof fetch;
  policy: HttpRetryPolicy;
  logger: SmsLogger;
}
