import { describe, it, expect, vi, afterEach } from 'vitest'
import { BillingService } from '../../src/billing/billing'
import { Ledger } from '../../src/billing/ledger'
import { reconcile } from '../../src/billing/reconciliation'
import type { ChargeRequest, PaymentGateway } from '../../src/billing/gateway'
import { InMemoryProcessedEventStore } from '../../src/webhooks/processedEvents'
import { createStorefrontWebhookHandler } from '../../src/webhooks/handler'
import type { WebhookDelivery } from '../../src/webhooks/payload'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// Card gateway stand-in. Latency can be set per order.
class FakeGateway implements PaymentGateway {
  readonly charges: Array<ChargeRequest & { chargeId: string }> = []
  latencyMs: (request: ChargeRequest) => number = () => 400

  async charge(request: ChargeRequest) {
    await sleep(this.latencyMs(request))
    const chargeId = `ch_${String(this.charges.length + 1).padStart(4, '0')}`
    this.charges.push({ ...request, chargeId })
    return { chargeId }
  }
}

// The storefront platform's documented delivery policy: an attempt that does
// not answer 2xx within 5 s is retried after 2 s, then 10 s, then 60 s.
async function platformDelivers(handle: (d: WebhookDelivery) => Promise<{ status: number }>, event: object & { id: string }) {
  const body = JSON.stringify(event)
  const backoff = [2_000, 10_000, 60_000]
  for (let attempt = 1; attempt <= backoff.length + 1; attempt++) {
    const response = handle({ deliveryId: `dlv_${event.id}_${attempt}`, attempt, body }).then(
      (r) => r.status,
      () => 500,
    )
    const status = await Promise.race([response, sleep(5_000).then(() => 'timeout' as const)])
    if (typeof status === 'number' && status >= 200 && status < 300) return
    if (attempt <= backoff.length) await sleep(backoff[attempt - 1])
  }
}

function checkout(n: number, customerId: string, amountCents: number) {
  return {
    id: `evt_${9000 + n}`,
    type: 'checkout.completed',
    created: '2026-01-05T09:00:00Z',
    data: { orderId: `ord_${1000 + n}`, customerId, amountCents, currency: 'EUR' },
  }
}

function setup() {
  const gateway = new FakeGateway()
  const ledger = new Ledger()
  const handle = createStorefrontWebhookHandler({
    billing: new BillingService(gateway, ledger),
    processed: new InMemoryProcessedEventStore(),
  })
  return { gateway, ledger, handle }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('storefront webhook', () => {
  it('acknowledges a redelivered event without charging again', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'))
    const { gateway, handle } = setup()
    const body = JSON.stringify(checkout(1, 'cus_anna', 4599))

    const first = handle({ deliveryId: 'dlv_a', attempt: 1, body })
    await vi.runAllTimersAsync()
    expect((await first).status).toBe(200)

    const again = handle({ deliveryId: 'dlv_b', attempt: 2, body })
    await vi.runAllTimersAsync()
    expect((await again).status).toBe(200)
    expect(gateway.charges).toHaveLength(1)
  })
})

describe('nightly reconciliation', () => {
  it('finds every order charged exactly once', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'))
    const { gateway, ledger, handle } = setup()
    const events = [
      checkout(1, 'cus_anna', 4599),
      checkout(2, 'cus_bilal', 1250),
      checkout(3, 'cus_chen', 8900),
      checkout(4, 'cus_dora', 23900),
      checkout(5, 'cus_emeka', 640),
      checkout(6, 'cus_fatima', 3100),
    ]
    // Dora's issuer was slow to answer that morning.
    gateway.latencyMs = (request) => (request.customerId === 'cus_dora' ? 12_000 : 400)

    const done = Promise.all(events.map((event) => platformDelivers(handle, event)))
    await vi.runAllTimersAsync()
    await done

    const report = reconcile(
      events.map((e) => ({ orderId: e.data.orderId, amountCents: e.data.amountCents })),
      ledger,
    )
    expect(report.overcharged).toEqual([])
    expect(report.matched).toEqual(['ord_1001', 'ord_1002', 'ord_1003', 'ord_1004', 'ord_1005', 'ord_1006'])
  })
})
