import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Shipment } from '../../src/carriers/carrier-api'
import { checkoutShippingPrice } from '../../src/shipping/checkout-rates'
import { createWarehouse } from '../../src/warehouse'

function shipment(orderId: string, weightGrams: number, postcode = '0150'): Shipment {
  return {
    orderId,
    to: { name: 'Customer', street: 'Storgata 1', postcode, city: 'Oslo', country: 'NO' },
    parcel: { weightGrams, lengthCm: 30, widthCm: 20, heightCm: 10 },
    service: 'standard',
  }
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(30_000)
  return promise
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-19T07:00:00.000Z'))
})

describe('packing line labels', () => {
  it("prints the morning's labels with NordPost", async () => {
    const warehouse = createWarehouse()
    const outcomes = []
    for (const [orderId, grams] of [['SO-77120', 800], ['SO-77121', 2_400], ['SO-77122', 6_100]] as const) {
      outcomes.push(await settle(warehouse.labels.print(shipment(orderId, grams))))
    }

    expect(outcomes.map((outcome) => (outcome.status === 'printed' ? outcome.label.carrier : outcome.status))).toEqual(['nordpost', 'nordpost', 'nordpost'])
    expect(warehouse.labels.spend()).toEqual({ labels: 3, costCents: 590 + 890 + 1_490, byCarrier: { nordpost: 3 } })
  })

  it('uses ExpressLink while NordPost is down', async () => {
    const warehouse = createWarehouse()
    warehouse.nordpostApi.failNext(100)
    const outcome = await settle(warehouse.labels.print(shipment('SO-77130', 1_200)))

    expect(outcome).toMatchObject({ status: 'printed', fallback: true, label: { carrier: 'expresslink', costCents: 1_390 } })
  })

  it('sends a parcel ExpressLink refuses to the exceptions shelf', async () => {
    const warehouse = createWarehouse()
    warehouse.nordpostApi.failNext(100)
    const outcome = await settle(warehouse.labels.print(shipment('SO-77131', 1_200, 'N1 9GU')))

    expect(outcome).toEqual({ status: 'exception', reason: 'expresslink answered 422: unknown postcode N1 9GU' })
  })

  it("shows NordPost's price at checkout", async () => {
    const warehouse = createWarehouse()
    const price = await settle(checkoutShippingPrice(warehouse.primary, shipment('basket', 2_400), 4_990))
    expect(price).toEqual({ priceCents: 890, source: 'quote' })
  })

  it('shows a flat rate at checkout when NordPost cannot quote', async () => {
    const warehouse = createWarehouse()
    warehouse.nordpostApi.failNext(1)
    const price = await settle(checkoutShippingPrice(warehouse.primary, { ...shipment('basket', 2_400), service: 'express' }, 4_990))
    expect(price).toEqual({ priceCents: 1_490, source: 'flat' })
  })
})
