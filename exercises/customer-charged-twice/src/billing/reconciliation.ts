import type { Ledger } from './ledger'

export type ExpectedOrder = { orderId: string; amountCents: number }

export type Discrepancy = {
  orderId: string
  expectedCents: number
  chargedCents: number
  chargeIds: string[]
}

export type ReconciliationReport = {
  matched: string[]
  declined: string[]
  overcharged: Discrepancy[]
  undercharged: Discrepancy[]
}

// Compares the storefront's completed orders with what the ledger says we
// actually charged. Run nightly by finance.
export function reconcile(orders: ExpectedOrder[], ledger: Ledger): ReconciliationReport {
  const report: ReconciliationReport = { matched: [], declined: [], overcharged: [], undercharged: [] }

  for (const order of orders) {
    const entries = ledger.entriesFor(order.orderId)
    const charges = entries.filter((e) => e.kind === 'charge')
    const chargedCents = charges.reduce((sum, e) => sum + e.amountCents, 0)
    const chargeIds = charges.map((e) => (e.kind === 'charge' ? e.chargeId : ''))
    const line = { orderId: order.orderId, expectedCents: order.amountCents, chargedCents, chargeIds }

    if (chargedCents === order.amountCents) report.matched.push(order.orderId)
    else if (chargedCents > order.amountCents) report.overcharged.push(line)
    else if (charges.length === 0 && entries.some((e) => e.kind === 'charge_failed')) report.declined.push(order.orderId)
    else report.undercharged.push(line)
  }
  return report
}
