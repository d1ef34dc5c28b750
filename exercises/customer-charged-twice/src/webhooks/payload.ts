import type { OrderToCharge } from '../billing/billing'

// One HTTP delivery from the storefront platform. The platform retries a
// delivery that fails or takes too long; every attempt gets a new
// deliveryId, the event inside stays the same.
export type WebhookDelivery = {
  deliveryId: string
  attempt: number
  body: string
}

export type CheckoutCompletedEvent = {
  id: string
  type: 'checkout.completed'
  created: string
  data: OrderToCharge
}

export type ParsedEvent = CheckoutCompletedEvent | { id: string; type: string; created: string; data?: unknown }

export function isCheckoutCompleted(event: ParsedEvent): event is CheckoutCompletedEvent {
  return event.type === 'checkout.completed'
}

export class InvalidPayloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidPayloadError'
  }
}

export function parseEvent(body: string): ParsedEvent {
  let raw: any
  try {
    raw = JSON.parse(body)
  } catch {
    throw new InvalidPayloadError('body is not JSON')
  }
  if (typeof raw?.id !== 'string' || typeof raw?.type !== 'string') {
    throw new InvalidPayloadError('event needs an id and a type')
  }
  if (raw.type !== 'checkout.completed') return raw

  const d = raw.data ?? {}
  if (typeof d.orderId !== 'string' || typeof d.customerId !== 'string') {
    throw new InvalidPayloadError(`event ${raw.id}: missing order or customer`)
  }
  if (!Number.isInteger(d.amountCents) || d.amountCents <= 0) {
    throw new InvalidPayloadError(`event ${raw.id}: invalid amount`)
  }
  return {
    id: raw.id,
    type: 'checkout.completed',
    created: String(raw.created ?? ''),
    data: { orderId: d.orderId, customerId: d.customerId, amountCents: d.amountCents, currency: String(d.currency ?? 'EUR') },
  }
}
