// The world the scenarios play in: Paybridge delivering webhooks, its payments API, the
// shared payments database and the roastery. Built on the sandbox's simulation kit, in
// virtual time: a scenario of ten minutes runs in a fraction of a second.
import { SimulatedFailure } from 'hardmode:sim'
import type { Simulation, DependencyProfile } from 'hardmode:sim'
import type { Fulfilment } from '../../src/orders/fulfilment'
import { type Capture, type PaymentsApi, PaymentsUnavailableError } from '../../src/payments/paymentsApi'
import { InMemoryDatabase } from '../../src/storage/database'
import type { PaymentAuthorized, WebhookDelivery, WebhookResponse } from '../../src/webhooks/events'

/** Paybridge's delivery policy: a 10 s timeout per attempt, then retries after 1 s, 5 s, 30 s, 2 min and 10 min. */
export const DELIVERY_TIMEOUT_MS = 10_000
export const RETRY_AFTER_MS = [1_000, 5_000, 30_000, 120_000, 600_000]
/** Long enough for the last retry of the last event to land. */
export const SETTLE_MS = 15 * 60_000

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, paymentsApi: DependencyProfile) {
  const db = new InMemoryDatabase({ roundTrip: () => sim.sleep(sim.latency({ p50: 2, p99: 12 })) })
  const api = sim.dependency('paybridge-payments-api', paymentsApi)
  const capturesByKey = new Map<string, Capture>()
  let captureCount = 0

  const payments: PaymentsApi = {
    async capture(request) {
      try {
        return await api.call(() => {
          const earlier = request.idempotencyKey === undefined ? undefined : capturesByKey.get(request.idempotencyKey)
          if (earlier) return earlier
          const capture = { captureId: `cap_${String(++captureCount).padStart(5, '0')}`, paymentId: request.paymentId, amountCents: request.amountCents }
          sim.effect('charge', request.paymentId)
          if (request.idempotencyKey !== undefined) capturesByKey.set(request.idempotencyKey, capture)
          return capture
        })
      } catch (error) {
        if (error instanceof SimulatedFailure) throw new PaymentsUnavailableError(error.lostReply ? 'connection reset after the request was sent' : '503 Service Unavailable')
        throw error
      }
    },
  }

  const fulfilment: Fulfilment = {
    async release(order) {
      await sim.sleep(sim.latency({ p50: 8, p99: 40 }))
      sim.effect('release', order.orderId)
    },
  }

  return { db, payments, fulfilment }
}

let eventCount = 0

export function paymentAuthorized(n: number, eventId = `evt_${String(++eventCount).padStart(6, '0')}`): PaymentAuthorized {
  return {
    id: eventId,
    type: 'payment.authorized',
    created: new Date().toISOString(),
    data: { paymentId: `pay_${String(n).padStart(5, '0')}`, orderId: `ord_${String(70_000 + n)}`, amountCents: 1_900 + (n % 5) * 450, currency: 'EUR' },
  }
}

/** The charge and the release every authorized payment must lead to, exactly once. */
export function expectCapturedAndReleased(sim: Simulation, event: PaymentAuthorized) {
  sim.expectEffect('charge', event.data.paymentId)
  sim.expectEffect('release', event.data.orderId)
}

type Handler = (delivery: WebhookDelivery) => Promise<WebhookResponse>

/**
 * Paybridge delivers one event at least once: over the network, with its timeout and
 * retries, sometimes twice at about the same time. `handlerFor` picks the server that
 * receives each attempt.
 */
export function paybridgeDelivers(
  sim: Simulation,
  event: { id: string },
  handlerFor: (attempt: number) => Handler,
  { duplicateRate = 0.05, duplicateWithinMs = 3_000 }: { duplicateRate?: number; duplicateWithinMs?: number } = {},
) {
  const body = JSON.stringify(event)
  return sim.deliver(({ deliveryId, attempt }) => handlerFor(attempt)({ deliveryId, attempt, body }), {
    timeoutMs: DELIVERY_TIMEOUT_MS,
    retryAfterMs: RETRY_AFTER_MS,
    ok: (response) => response.status >= 200 && response.status < 300,
    delay: { p50: 40, p99: 300 },
    duplicates: { rate: duplicateRate, withinMs: duplicateWithinMs },
    label: 'dlv',
  })
}
