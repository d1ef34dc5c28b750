import { describe, it, expect } from 'vitest'
import { createOrderStore } from '../../src/orders/store'
import { handleOrderImport } from '../../src/ingest/handler'
import { validateOrderRecord } from '../../src/ingest/validate'
import { reconcileSettlement } from '../../src/reconcile/settlement'

function order(orderId: string, quantity = '1', extra: Record<string, unknown> = {}) {
  return {
    order_id: orderId,
    placed_at: '2026-01-07T10:00:00Z',
    currency: 'EUR',
    lines: [{ sku: 'TEA-0042', quantity, unit_price: '8.90' }],
    ...extra,
  }
}

function importBatch(batch: unknown[]) {
  const store = createOrderStore({ clock: () => new Date('2026-01-07T12:00:00Z') })
  const response = handleOrderImport(store, { partner: 'marketly', body: JSON.stringify(batch) })
  return { store, response }
}

function errorsFor(record: unknown): string[] {
  const result = validateOrderRecord(record)
  return result.ok ? [] : result.errors
}

describe('order numbers are kept exactly as Marketly sent them', () => {
  // Stated in README.md: "ours must be theirs, exactly as sent"
  // Stated in src/ingest/validate.ts: "Marketly's order number, decimal digits (up to 20)"
  it('keeps a 19-digit order number digit for digit', () => {
    const result = validateOrderRecord(order('1790234556781234177'))
    expect(result.ok && result.order.externalId).toBe('1790234556781234177')
  })

  // Stated in src/ingest/validate.ts: "Marketly's order number, decimal digits (up to 20)"
  // Stated in README.md: "ours must be theirs, exactly as sent"
  it('keeps the largest 64-bit order number', () => {
    const result = validateOrderRecord(order('18446744073709551615'))
    expect(result.ok && result.order.externalId).toBe('18446744073709551615')
  })

  // Stated in src/ingest/validate.ts: "Marketly's order number, decimal digits (up to 20)"
  it('still accepts short order numbers', () => {
    const result = validateOrderRecord(order('48213'))
    expect(result.ok && result.order.externalId).toBe('48213')
  })

  // Stated in README.md: "ours must be theirs, exactly as sent"
  // Stated in src/orders/store.ts: "A channel order is identified by (channel, externalId);"
  it('imports two orders whose numbers differ only in the last digits', () => {
    const { store, response } = importBatch([order('9007199254740993'), order('9007199254740992'), order('1790234556781235311')])
    expect(response.body).toMatchObject({ imported: 3, duplicates: 0 })
    expect(store.findByExternalId('marketly', '9007199254740993')?.externalId).toBe('9007199254740993')
    expect(store.findByExternalId('marketly', '9007199254740992')?.externalId).toBe('9007199254740992')
    expect(store.findByExternalId('marketly', '1790234556781235311')?.externalId).toBe('1790234556781235311')
  })

  // Stated in README.md: "ours must be theirs, exactly as sent"
  it('reconciles a day of long order numbers without differences', () => {
    const ids = ['1790234556781236001', '1790234556781236002', '1790234556781236003', '1790234556781236130']
    const { store } = importBatch(ids.map((id, i) => order(id, String(i + 1))))
    const settlement = ids.map((id, i) => ({ order_id: id, gross: ((i + 1) * 8.9).toFixed(2) }))
    const report = reconcileSettlement(store, 'marketly', '2026-01-07', settlement)
    expect(report).toMatchObject({ matched: 4, missingInOurs: [], unknownToPartner: [], amountMismatches: [] })
    expect(report.ourGrossCents).toBe(report.partnerGrossCents)
  })
})

describe('order numbers that are not plain digits are rejected', () => {
  for (const bad of ['0x1F', '1e5', '12.0', '-5', '+5', '0', '12abc', '1790234556781234177.5']) {
    // Stated in README.md: "Numeric fields (order numbers, quantities) contain decimal digits only; a record with any other notation must be refused."
    // Stated in README.md: "Order numbers are never 0."
    it(`rejects order_id "${bad}" with a message about order_id`, () => {
      const errors = errorsFor(order(bad))
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.join('\n')).toMatch(/order_id/)
    })
  }

  // Stated in src/ingest/validate.ts: "Marketly's order number, decimal digits (up to 20)"
  it('rejects an order number longer than 20 digits', () => {
    expect(errorsFor(order('123456789012345678901')).join('\n')).toMatch(/order_id/)
  })
})

describe('quantities must be plain whole numbers from 1 to 999', () => {
  for (const bad of ['0x10', '1e2', '2.5', '-3', '+4', '0', '1000', 'two']) {
    // Stated in README.md: "Numeric fields (order numbers, quantities) contain decimal digits only; a record with any other notation must be refused."
    // Stated in src/ingest/validate.ts: "whole number of units, 1 to 999"
    // Stated in src/ingest/handler.ts: "nothing is imported and the partner gets every problem back so they can resend"
    it(`rejects quantity "${bad}" with a message naming the line`, () => {
      const errors = errorsFor(order('48213', bad))
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.join('\n')).toMatch(/lines\[0\]\.quantity/)
    })
  }

  for (const good of ['1', '12', '999']) {
    // Stated in src/ingest/validate.ts: "whole number of units, 1 to 999"
    it(`accepts quantity "${good}"`, () => {
      const result = validateOrderRecord(order('48213', good))
      expect(result.ok && result.order.lines[0]!.quantity).toBe(Number(good))
    })
  }

  // Stated in src/ingest/handler.ts: "A batch is all-or-nothing: if any record is invalid,"
  // Stated in README.md: "Numeric fields (order numbers, quantities) contain decimal digits only; a record with any other notation must be refused."
  it('rejects the whole batch when one line has a hexadecimal quantity', () => {
    const { store, response } = importBatch([order('7730112', '2'), order('7730113', '0x10')])
    expect(response.status).toBe(422)
    const rejected = response.body.rejected as { index: number; errors: string[] }[]
    expect(rejected.map((r) => r.index)).toEqual([1])
    expect(rejected[0]!.errors.join('\n')).toMatch(/quantity/)
    expect(store.unitsSold('TEA-0042')).toBe(0)
  })

  // Stated in src/ingest/validate.ts: "whole number of units, 1 to 999"
  it('counts units sold from valid batches correctly', () => {
    const { store } = importBatch([order('7730114', '3'), order('7730115', '12')])
    expect(store.unitsSold('TEA-0042')).toBe(15)
  })
})
