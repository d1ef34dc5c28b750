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
  // Events whose charge has started in this process.
  const started = new Set<string>()

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

    const previous = await deps.processed.find(event.id)
    if (previous) {
      log(`event=${event.id} already processed (${previous.outcome.status}), acknowledging`)
      return { status: 200, body: { duplicate: true, outcome: previous.outcome } }
    }

    if (started.has(event.id)) {
      log(`event=${event.id} already being charged, acknowledging`)
      return { status: 200, body: { duplicate: true } }
    }
    started.add(event.id)

    try {
      const outcome = await deps.billing.chargeOrder(event.data)
      await deps.processed.save({ eventId: event.id, outcome, processedAt: new Date().toISOString() })
      log(`event=${event.id} order=${event.data.orderId} ${outcome.status}`)
      return { status: 200, body: { outcome } }
    } catch (error) {
      if (error instanceof GatewayUnavailableError) {
        log(`event=${event.id} gateway unavailable, asking for a retry`)
        return { status: 503, body: { error: 'payment gateway unavailable, retry later' } }
      }
      throw error
    }
  }
}
