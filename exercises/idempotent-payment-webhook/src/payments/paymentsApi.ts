// Client interface of Paybridge's payments API (POST /v2/payments/{id}/capture).

export type CaptureRequest = {
  paymentId: string
  amountCents: number
  /**
   * Sent as the Idempotency-Key header. Paybridge keeps keys for 24 hours: a second
   * request with the same key returns the first request's result instead of running again.
   */
  idempotencyKey?: string
}

export type Capture = { captureId: string; paymentId: string; amountCents: number }

export interface PaymentsApi {
  /** Moves an authorized amount to our account: the customer is charged. */
  capture(request: CaptureRequest): Promise<Capture>
}

/**
 * A 5xx, a timeout or a dropped connection. The capture may or may not have happened:
 * Paybridge can fail after charging, before its answer reaches us.
 */
export class PaymentsUnavailableError extends Error {
  override name = 'PaymentsUnavailableError'
}
