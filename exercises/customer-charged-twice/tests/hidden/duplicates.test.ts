import { describe, it, expect, vi, afterEach } from 'vitest'
import { BillingService } from '../../src/billing/billing'
import { Ledger } from '../../src/billing/ledger'
import { reconcile } from '../../src/billing/reconciliation'
import {
  CardDeclinedError,
  GatewayUnavailableError,
  type ChargeRequest,
  type PaymentGateway,
} from '../../src/billing/gateway'
import { InMemoryProcessedEventStore } from '../../src/webhooks/processedEvents'
import { createStorefrontWebhookHandler } from '../../src/webhooks/handler'
import type { WebhookDelivery } from '../../src/webhooks/payload'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

type Scripted = 'unavailable' | 'declined'

class ScriptedGateway implements PaymentGateway {
  readonly charges: Array<ChargeRequest & { chargeId: string }> = []
  calls = 0
  latencyMs: (request: ChargeRequest) => number = () => 0
  // Outcomes to play, in order, for the next calls concerning a customer.
  readonly script = new Map<string, Scripted[]>()

  async charge(request: ChargeRequest) {
    this.calls += 1
    const latency = this.latencyMs(request)
    if (latency > 0) await sleep(latency)
    const scripted = this.script.get(request.customerId)?.shift()
    if (scripted === 'unavailable') throw new GatewayUnavailableError('upstream 502')
    if (scripted === 'declined') throw new CardDeclinedError('insufficient_funds')
    const chargeId = `ch_${String(this.charges.length + 1).padStart(4, '0')}`
    this.charges.push({ ...request, chargeId })
    return { chargeId }
  }
}

type Handle = (d: WebhookDelivery) => Promise<{ status: number }>

let deliverySeq = 0

// Storefront platform delivery policy: 5 s timeout, retries after 2 s, 10 s,
// 60 s, 5 min, 30 min. Returns the number of attempts it took.
async function platformDelivers(handle: Handle, event: { id: string }) {
  const body = JSON.stringify(event)
  const backoff = [2_000, 10_000, 60_000, 300_000, 1_800_000]
  for (let attempt = 1; attempt <= backoff.length + 1; attempt++) {
    const response = handle({ deliveryId: `dlv_${++deliverySeq}`, attempt, body }).then(
      (r) => r.status,
      () => 500,
    )
    const status = await Promise.race([response, sleep(5_000).then(() => 'timeout' as const)])
    if (typeof status === 'number' && status >= 200 && status < 300) return attempt
    if (attempt <= backoff.length) await sleep(backoff[attempt - 1])
  }
  return -1
}

function checkout(n: number, customerId: string, amountCents: number) {
  return {
    id: `evt_${70000 + n}`,
    type: 'checkout.completed',
    created: '2026-01-06T10:00:00Z',
    data: { orderId: `ord_${5000 + n}`, customerId, amountCents, currency: 'EUR' },
  }
}

const delivery = (event: object, attempt = 1): WebhookDelivery => ({
  deliveryId: `dlv_${++deliverySeq}`,
  attempt,
  body: JSON.stringify(event),
})

function setup() {
  const gateway = new ScriptedGateway()
  const ledger = new Ledger()
  const handle = createStorefrontWebhookHandler({
    billing: new BillingService(gateway, ledger),
    processed: new InMemoryProcessedEventStore(),
  })
  return { gateway, ledger, handle }
}

function startClock() {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-06T10:00:00Z'))
}

async function settle<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync()
  return work
}

afterEach(() => {
  vi.useRealTimers()
})

describe('concurrent deliveries of the same event', () => {
  // Stated in README.md: "Events may occasionally be delivered more than once, including in parallel."
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  it('charge once when two deliveries arrive together', async () => {
    const { gateway, ledger, handle } = setup()
    const event = checkout(1, 'cus_ines', 5400)

    await Promise.all([handle(delivery(event)), handle(delivery(event, 2))])

    expect(gateway.charges).toHaveLength(1)
    expect(ledger.entriesFor('ord_5001')).toHaveLength(1)
  })

  // Stated in README.md: "Events may occasionally be delivered more than once, including in parallel."
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  it('charge once when five deliveries overlap while the gateway is slow', async () => {
    startClock()
    const { gateway, ledger, handle } = setup()
    gateway.latencyMs = () => 3_000
    const event = checkout(2, 'cus_jonas', 12900)

    const responses: Promise<unknown>[] = []
    for (let i = 0; i < 5; i++) {
      responses.push(handle(delivery(event, i + 1)))
      await vi.advanceTimersByTimeAsync(400)
    }
    await settle(Promise.all(responses))

    expect(gateway.charges).toHaveLength(1)
    expect(ledger.entriesFor('ord_5002').filter((e) => e.kind === 'charge')).toHaveLength(1)
  })

  // Stated in README.md: "Events may occasionally be delivered more than once, including in parallel."
  // Stated in README.md: "a declined card is recorded as declined and is not charged"
  it('record a declined card once, not once per delivery', async () => {
    const { gateway, ledger, handle } = setup()
    gateway.script.set('cus_kemal', ['declined', 'declined', 'declined'])
    const event = checkout(3, 'cus_kemal', 7700)

    await Promise.all([handle(delivery(event)), handle(delivery(event, 2)), handle(delivery(event, 3))])

    expect(gateway.charges).toHaveLength(0)
    expect(ledger.entriesFor('ord_5003')).toHaveLength(1)
    expect(ledger.entriesFor('ord_5003')[0].kind).toBe('charge_failed')
  })
})

describe('platform retries', () => {
  // Stated in README.md: "A delivery that is not acknowledged with a 2xx status within 5 seconds is considered failed"
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  it('a retry after a timed-out attempt does not charge again', async () => {
    startClock()
    const { gateway, ledger, handle } = setup()
    gateway.latencyMs = () => 12_000
    const event = checkout(4, 'cus_lotte', 3350)

    await settle(platformDelivers(handle, event))

    expect(gateway.charges).toHaveLength(1)
    expect(reconcile([{ orderId: 'ord_5004', amountCents: 3350 }], ledger).overcharged).toEqual([])
  })

  // Stated in README.md: "A delivery that is not acknowledged with a 2xx status within 5 seconds is considered failed"
  it('a retry after a completed attempt is acknowledged with 2xx and not charged', async () => {
    const { gateway, handle } = setup()
    const event = checkout(5, 'cus_mia', 2100)

    expect((await handle(delivery(event))).status).toBe(200)
    const retry = await handle(delivery(event, 2))
    expect(retry.status).toBeGreaterThanOrEqual(200)
    expect(retry.status).toBeLessThan(300)
    expect(gateway.charges).toHaveLength(1)
  })

  // Stated in README.md: "When the card gateway is down we answer 503, so that the platform retries the event later."
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  it('an event whose first attempt hit a gateway outage is still charged, once', async () => {
    startClock()
    const { gateway, ledger, handle } = setup()
    gateway.script.set('cus_noor', ['unavailable', 'unavailable'])
    gateway.latencyMs = () => 300
    const event = checkout(6, 'cus_noor', 4500)

    const attempts = await settle(platformDelivers(handle, event))

    expect(attempts).toBe(3)
    expect(gateway.charges).toHaveLength(1)
    expect(reconcile([{ orderId: 'ord_5006', amountCents: 4500 }], ledger).matched).toEqual(['ord_5006'])
  })

  // Stated in README.md: "When the card gateway is down we answer 503, so that the platform retries the event later."
  // Stated in README.md: "Events may occasionally be delivered more than once, including in parallel."
  it('duplicate delivery chains survive a gateway outage and still charge once', async () => {
    startClock()
    const { gateway, ledger, handle } = setup()
    gateway.script.set('cus_olga', ['unavailable'])
    gateway.latencyMs = () => 1_500
    const event = checkout(7, 'cus_olga', 9990)

    // The platform sometimes fans the same event out twice in parallel.
    await settle(Promise.all([platformDelivers(handle, event), platformDelivers(handle, event)]))

    expect(gateway.charges).toHaveLength(1)
    expect(reconcile([{ orderId: 'ord_5007', amountCents: 9990 }], ledger).matched).toEqual(['ord_5007'])
  })
})

describe('different events', () => {
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  it('two orders from the same customer are both charged, even concurrently', async () => {
    const { gateway, handle } = setup()
    const a = checkout(8, 'cus_pablo', 1500)
    const b = checkout(9, 'cus_pablo', 2500)

    await Promise.all([handle(delivery(a)), handle(delivery(b)), handle(delivery(a, 2))])

    expect(gateway.charges.map((c) => c.amountCents).sort()).toEqual([1500, 2500])
  })

  // Stated in README.md: "Other event types are acknowledged and ignored; a body that is not a valid event is answered 400."
  it('ignores other event types and rejects malformed bodies without charging', async () => {
    const { gateway, handle } = setup()
    const refund = { id: 'evt_1', type: 'refund.created', created: '2026-01-06T10:00:00Z', data: {} }
    expect((await handle(delivery(refund))).status).toBe(204)
    expect((await handle({ deliveryId: 'dlv_x', attempt: 1, body: '{not json' })).status).toBe(400)
    const noAmount = { ...checkout(10, 'cus_q', 100), data: { orderId: 'ord_q', customerId: 'cus_q' } }
    expect((await handle(delivery(noAmount))).status).toBe(400)
    expect(gateway.calls).toBe(0)
  })
})

describe('a busy day, end to end', () => {
  // Stated in README.md: "Finance expects every completed checkout to be charged exactly once"
  // Stated in README.md: "Events may occasionally be delivered more than once, including in parallel."
  // Stated in README.md: "When the card gateway is down we answer 503, so that the platform retries the event later."
  it('reconciles cleanly with slow issuers, outages and parallel duplicates', async () => {
    startClock()
    const { gateway, ledger, handle } = setup()
    const events = Array.from({ length: 24 }, (_, i) => checkout(100 + i, `cus_${i}`, 500 + i * 137))
    gateway.latencyMs = (request) => {
      const i = Number(request.customerId.slice(4))
      return i % 5 === 0 ? 14_000 : i % 3 === 0 ? 6_000 : 250
    }
    gateway.script.set('cus_4', ['unavailable'])
    gateway.script.set('cus_7', ['unavailable', 'unavailable'])
    gateway.script.set('cus_11', ['declined'])

    const chains = events.flatMap((event, i) =>
      i % 4 === 0 ? [platformDelivers(handle, event), platformDelivers(handle, event)] : [platformDelivers(handle, event)],
    )
    const attempts = await settle(Promise.all(chains))
    expect(attempts.every((n) => n > 0)).toBe(true)

    const report = reconcile(
      events.map((e) => ({ orderId: e.data.orderId, amountCents: e.data.amountCents })),
      ledger,
    )
    expect(report.overcharged).toEqual([])
    expect(report.undercharged).toEqual([])
    expect(report.declined).toEqual(['ord_5111'])
    expect(report.matched).toHaveLength(23)
    expect(gateway.charges).toHaveLength(23)
  })
})
