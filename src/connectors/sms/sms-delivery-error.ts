/**
 * A failed SMS hand-off. `reason` is machine-readable: gatewayTimeout, gatewayUnavailable,
 * gatewayRejected, gatewayAuthFailed, invalidRecipient, gatewayMisconfigured, endpointNotAllowed
 * (the endpoint is not a public https address: one reason whatever listens there, so it cannot
 * be used to probe internal ports).
 * `retryable` says whether the same message may succeed later; senders have already spent
 * their own retries when they throw it.
 */
export class SmsDeliveryError extends Error {
  override readonly name = "SmsDeliveryError";

  constructor(
    message: string,
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
