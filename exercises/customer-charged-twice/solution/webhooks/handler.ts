import type { BillingService } from '../billing/billing'
import { GatewayUnavailableError } from '../billing/gateway'
import type { ProcessedEventStore } from './processedEvents'
import { InvalidPayloadError, isCheckoutCompleted, parseEvent, type WebhookDelivery } from './payload'

export type WebhookResponse = { status: number; body?: unknown }

export type HandlerDeps = {
  billing: BillingService
  processed: ProcessedEventStore
  log?: (line: string) => void
}

// POST /webhooks/storefront
// The platform treats any 2xx as delivered and retries everything else
// (including timeouts) with a backoff, so this handler must be safe to call
// more than once for the same event.
export function createStorefrontWebhookHandler(deps: HandlerDeps) {
  const log = deps.log ?? (() => {})

  return async function handle(delivery: WebhookDelivery): Promise<WebhookResponse> {
    let event
    try {
      event = parseEvent(delivery.body)
    } catch (error) {
      if (error instanceof InvalidPayloadError) return { status: 400, body: { error: error.message } }
      throw error
    }
    log(`delivery=${delivery.deliveryId} attempt=${delivery.attempt} event=${event.id} type=${event.type}`)

    if (!isCheckoutCompleted(event)) return { status: 204 }

    // Claim the event before charging: checking first and recording only
    // after the charge leaves a window in which a concurrent redelivery of
    // the same event also sees "not processed" and charges again.
    const claimed = await deps.processed.claim(event.id)
    if (!claimed) {
      const previous = await deps.processed.find(event.id)
      if (previous) {
        log(`event=${event.id} already processed (${previous.outcome.status}), acknowledging`)
        return { status: 200, body: { duplicate: true, outcome: previous.outcome } }
      }
      log(`event=${event.id} is being processed by another delivery, asking for a retry`)
      return { status: 409, body: { error: 'event is being processed, retry later' } }
    }

    try {
      const outcome = await deps.billing.chargeOrder(event.data)
      await deps.processed.save({ eventId: event.id, outcome, processedAt: new Date().toISOString() })
      log(`event=${event.id} order=${event.data.orderId} ${outcome.status}`)
      return { status: 200, body: { outcome } }
    } catch (error) {
      if (error instanceof GatewayUnavailableError) {
        // Nothing was charged: let the platform's retry try again.
        await deps.processed.release(event.id)
        log(`event=${event.id} gateway unavailable, asking for a retry`)
        return { status: 503, body: { error: 'payment gateway unavailable, retry later' } }
      }
      throw error
    }
  }
}
