// Paybridge webhook deliveries and the events they carry (Paybridge API version 2025-06).

export type WebhookDelivery = {
  /** Unique per delivery attempt; a retry of the same event gets a new one. */
  deliveryId: string
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number
  /** The raw JSON body, exactly as Paybridge sent it. */
  body: string
}

export type WebhookResponse = { status: number; body?: unknown }

export type PaymentAuthorized = {
  id: string
  type: 'payment.authorized'
  created: string
  data: { paymentId: string; orderId: string; amountCents: number; currency: string }
}

export type PaymentCanceled = {
  id: string
  type: 'payment.canceled'
  created: string
  data: { paymentId: string; orderId: string; reason: string }
}

/** Paybridge sends more event types than we act on; those arrive as OtherEvent. */
export type OtherEvent = { id: string; type: string; created: string; data: Record<string, unknown> }

export type PaymentEvent = PaymentAuthorized | PaymentCanceled | OtherEvent

export class InvalidEventError extends Error {
  override name = 'InvalidEventError'
}

export function parseEvent(body: string): PaymentEvent {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    throw new InvalidEventError('the body is not JSON')
  }
  const event = value as Partial<OtherEvent> | null
  if (!event || typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.data !== 'object' || event.data === null) {
    throw new InvalidEventError('an event needs an id, a type and data')
  }
  if (event.type === 'payment.authorized') {
    const data = event.data as Partial<PaymentAuthorized['data']>
    if (typeof data.paymentId !== 'string' || typeof data.orderId !== 'string' || !Number.isInteger(data.amountCents)) {
      throw new InvalidEventError(`${event.id}: payment.authorized needs paymentId, orderId and amountCents`)
    }
  }
  if (event.type === 'payment.canceled') {
    const data = event.data as Partial<PaymentCanceled['data']>
    if (typeof data.paymentId !== 'string' || typeof data.orderId !== 'string') {
      throw new InvalidEventError(`${event.id}: payment.canceled needs paymentId and orderId`)
    }
  }
  return event as PaymentEvent
}

export function isAuthorized(event: PaymentEvent): event is PaymentAuthorized {
  return event.type === 'payment.authorized'
}

export function isCanceled(event: PaymentEvent): event is PaymentCanceled {
  return event.type === 'payment.canceled'
}
