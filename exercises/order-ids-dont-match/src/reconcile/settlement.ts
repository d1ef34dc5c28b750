import { formatCents, parseAmountCents } from '../money'
import type { OrderStore } from '../orders/store'

/** One line of the partner's daily settlement file. */
export interface SettlementLine {
  order_id: string
  gross: string
}

export interface SettlementReport {
  day: string
  matched: number
  /** In the partner's settlement, but we have no such order. */
  missingInOurs: string[]
  /** We have the order, but the partner did not settle it. */
  unknownToPartner: string[]
  amountMismatches: { orderId: string; oursCents: number; theirsCents: number }[]
  ourGrossCents: number
  partnerGrossCents: number
}

/** Compares the partner's settlement for a day with the orders we imported for that day. */
export function reconcileSettlement(store: OrderStore, partner: string, day: string, settlement: SettlementLine[]): SettlementReport {
  const ours = store.placedOn(partner, day)
  const settledIds = new Set<string>()
  const report: SettlementReport = {
    day,
    matched: 0,
    missingInOurs: [],
    unknownToPartner: [],
    amountMismatches: [],
    ourGrossCents: ours.reduce((sum, order) => sum + order.grossCents, 0),
    partnerGrossCents: 0,
  }

  for (const line of settlement) {
    const theirsCents = parseAmountCents(line.gross)
    if (theirsCents === null) throw new Error(`Settlement line for ${line.order_id} has an unreadable amount "${line.gross}"`)
    report.partnerGrossCents += theirsCents
    settledIds.add(line.order_id)

    const order = store.findByExternalId(partner, line.order_id)
    if (!order) report.missingInOurs.push(line.order_id)
    else if (order.grossCents !== theirsCents) report.amountMismatches.push({ orderId: line.order_id, oursCents: order.grossCents, theirsCents })
    else report.matched += 1
  }
  for (const order of ours) {
    if (!settledIds.has(order.externalId)) report.unknownToPartner.push(order.externalId)
  }
  return report
}

export function formatSettlementReport(report: SettlementReport): string {
  const status =
    report.missingInOurs.length + report.unknownToPartner.length + report.amountMismatches.length === 0 ? 'OK' : 'MISMATCH'
  return [
    `Settlement ${report.day}: ${status}`,
    `  matched ${report.matched}`,
    `  missing in ours: ${report.missingInOurs.join(', ') || '-'}`,
    `  unknown to partner: ${report.unknownToPartner.join(', ') || '-'}`,
    ...report.amountMismatches.map((m) => `  amount ${m.orderId}: ours ${formatCents(m.oursCents)} / theirs ${formatCents(m.theirsCents)}`),
    `  gross ours ${formatCents(report.ourGrossCents)} / partner ${formatCents(report.partnerGrossCents)}`,
  ].join('\n')
}
