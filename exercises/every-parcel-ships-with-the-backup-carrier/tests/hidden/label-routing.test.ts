import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Shipment } from '../../src/carriers/carrier-api'
import { createWarehouse } from '../../src/warehouse'

function shipment(orderId: string, weightGrams: number, service: 'standard' | 'express' = 'standard'): Shipment {
  return {
    orderId,
    to: { name: 'Kunde', street: 'Kongens gate 4', postcode: '7011', city: 'Trondheim', country: 'NO' },
    parcel: { weightGrams, lengthCm: 40, widthCm: 30, heightCm: 20 },
    service,
  }
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(30_000)
  return promise
}

const labelCalls = (api: { requests: { path: string; status: number }[] }) => api.requests.filter((request) => request.path === '/labels').map((request) => request.status)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-10T08:00:00.000Z'))
})

describe('label routing', () => {
  // Stated in README.md: "NordPost prints every label it accepts."
  it('prints with NordPost at the contract rate, with the customer reference on the label', async () => {
    const warehouse = createWarehouse()
    const outcome = await settle(warehouse.labels.print(shipment('SO-90001', 4_800, 'express')))

    expect(outcome).toMatchObject({ status: 'printed', fallback: false, label: { carrier: 'nordpost', costCents: 1_780 } })
    expect(outcome.status === 'printed' && outcome.label.pdf).toBe('%PDF C-448812/SO-90001')
    expect(labelCalls(warehouse.expresslinkApi)).toEqual([])
  })

  // Stated in README.md: "A NordPost hiccup (a 5xx or 429 answer) is retried a few times with backoff before anyone considers the backup."
  it('retries NordPost through a short outage instead of switching carrier', async () => {
    const warehouse = createWarehouse()
    warehouse.nordpostApi.failNext(2)
    const outcome = await settle(warehouse.labels.print(shipment('SO-90002', 900)))

    expect(outcome).toMatchObject({ status: 'printed', fallback: false, label: { carrier: 'nordpost' } })
    expect(labelCalls(warehouse.nordpostApi)).toEqual([503, 503, 200])
    expect(labelCalls(warehouse.expresslinkApi)).toEqual([])
  })

  // Stated in README.md: "Only when NordPost stays unavailable through all attempts does the parcel get an ExpressLink label."
  it('switches to ExpressLink only after NordPost failed every attempt', async () => {
    const warehouse = createWarehouse()
    warehouse.nordpostApi.failNext(4)
    const outcome = await settle(warehouse.labels.print(shipment('SO-90003', 900)))

    expect(outcome).toMatchObject({ status: 'printed', fallback: true, label: { carrier: 'expresslink' } })
    expect(labelCalls(warehouse.nordpostApi)).toEqual([503, 503, 503, 503])
    const next = await settle(warehouse.labels.print(shipment('SO-90004', 900)))
    expect(next).toMatchObject({ status: 'printed', fallback: false, label: { carrier: 'nordpost' } })
  })

  // Stated in README.md: "A parcel a carrier refuses (unknown postcode, over its weight limit) goes to the exceptions shelf for a person to sort out; it is not sent with the other carrier instead."
  it('sends a parcel NordPost refuses to the exceptions shelf, not to ExpressLink', async () => {
    const warehouse = createWarehouse()
    const outcome = await settle(warehouse.labels.print(shipment('SO-90005', 23_500)))

    expect(outcome).toEqual({ status: 'exception', reason: 'nordpost answered 422: parcel over 20 kg' })
    expect(labelCalls(warehouse.nordpostApi)).toEqual([422])
    expect(labelCalls(warehouse.expresslinkApi)).toEqual([])
  })

  // Stated in src/shipping/label-service.ts: "Label spend so far, for the daily shipping cost report."
  it('reports the day as NordPost spend', async () => {
    const warehouse = createWarehouse()
    for (const [orderId, grams] of [['SO-90010', 500], ['SO-90011', 1_500], ['SO-90012', 9_000], ['SO-90013', 700]] as const) {
      await settle(warehouse.labels.print(shipment(orderId, grams)))
    }
    expect(warehouse.labels.spend()).toEqual({ labels: 4, costCents: 590 + 890 + 1_490 + 590, byCarrier: { nordpost: 4 } })
  })
})
