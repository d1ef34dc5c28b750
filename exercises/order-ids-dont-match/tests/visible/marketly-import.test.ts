import { describe, it, expect } from 'vitest'
import { createOrderStore } from '../../src/orders/store'
import { handleOrderImport } from '../../src/ingest/handler'
import { formatSettlementReport, reconcileSettlement } from '../../src/reconcile/settlement'

const clock = () => new Date('2026-01-05T23:30:00Z')

// Monday's orders batch as Marketly delivered it (trimmed to six orders).
const MONDAY_BATCH = [
  { order_id: '1790234556781234177', placed_at: '2026-01-05T08:12:40+01:00', currency: 'EUR', lines: [{ sku: 'TEA-0042', quantity: '2', unit_price: '8.90' }] },
  { order_id: '1790234556781234183', placed_at: '2026-01-05T08:13:02+01:00', currency: 'EUR', lines: [{ sku: 'TEA-0017', quantity: '1', unit_price: '12.5' }] },
  { order_id: '1790234556781234406', placed_at: '2026-01-05T09:47:15+01:00', currency: 'EUR', lines: [{ sku: 'POT-0003', quantity: '1', unit_price: '34.00' }, { sku: 'TEA-0042', quantity: '3', unit_price: '8.90' }] },
  { order_id: '1790234556781234691', placed_at: '2026-01-05T11:05:59+01:00', currency: 'EUR', lines: [{ sku: 'CUP-0110', quantity: '6', unit_price: '4.50' }] },
  { order_id: '1790234556781235002', placed_at: '2026-01-05T14:30:00+01:00', currency: 'EUR', lines: [{ sku: 'TEA-0017', quantity: '4', unit_price: '12.50' }] },
  { order_id: '1790234556781235230', placed_at: '2026-01-05T19:22:31+01:00', currency: 'EUR', lines: [{ sku: 'SET-0009', quantity: '1', unit_price: '59.00' }] },
]

// Marketly's settlement file for the same day.
const MONDAY_SETTLEMENT = [
  { order_id: '1790234556781234177', gross: '17.80' },
  { order_id: '1790234556781234183', gross: '12.50' },
  { order_id: '1790234556781234406', gross: '60.70' },
  { order_id: '1790234556781234691', gross: '27.00' },
  { order_id: '1790234556781235002', gross: '50.00' },
  { order_id: '1790234556781235230', gross: '59.00' },
]

function importBatch(store: ReturnType<typeof createOrderStore>, batch: unknown) {
  return handleOrderImport(store, { partner: 'marketly', body: JSON.stringify(batch) })
}

describe('Marketly order import', () => {
  it('imports every order of the Monday batch', () => {
    const store = createOrderStore({ clock })
    const response = importBatch(store, MONDAY_BATCH)
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ received: 6, imported: 6, duplicates: 0 })
  })

  it('the Monday settlement matches the orders we imported', () => {
    const store = createOrderStore({ clock })
    importBatch(store, MONDAY_BATCH)

    const report = reconcileSettlement(store, 'marketly', '2026-01-05', MONDAY_SETTLEMENT)
    const text = formatSettlementReport(report)
    expect(text.split('\n')[0], text).toBe('Settlement 2026-01-05: OK')
    expect(report.missingInOurs).toEqual([])
    expect(report.unknownToPartner).toEqual([])
    expect(report.ourGrossCents).toBe(report.partnerGrossCents)
  })

  it('skips orders that Marketly delivers a second time', () => {
    const store = createOrderStore({ clock })
    importBatch(store, MONDAY_BATCH)
    const again = importBatch(store, MONDAY_BATCH)
    expect(again.body).toMatchObject({ received: 6, imported: 0, duplicates: 6 })
  })

  it('rejects a batch with a malformed line and imports nothing', () => {
    const store = createOrderStore({ clock })
    const broken = [MONDAY_BATCH[0], { ...MONDAY_BATCH[3], lines: [{ sku: 'cup 110', quantity: '6', unit_price: '4.50' }] }]
    const response = importBatch(store, broken)
    expect(response.status).toBe(422)
    expect(response.body.rejected).toEqual([
      { index: 1, orderId: '1790234556781234691', errors: ['lines[0].sku must look like "TEA-0042", got "cup 110"'] },
    ])
    expect(store.unitsSold('TEA-0042')).toBe(0)
  })
})
