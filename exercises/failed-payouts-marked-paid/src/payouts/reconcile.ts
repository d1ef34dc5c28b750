import type { StatementLine } from '../bank/client'
import { idempotencyKeyFor } from './gateway'
import type { Payout } from './types'

export interface ReconciliationReport {
  matched: { payoutId: string; transferId: string; amountCents: number }[]
  /** Marked paid in our ledger, but the bank has no transfer for it. */
  paidWithoutTransfer: { payoutId: string; sellerId: string; amountCents: number }[]
  /** The bank booked a transfer for it, but our ledger does not say paid. */
  transferWithoutPaid: { payoutId: string; transferId: string; amountCents: number; status: string }[]
  amountMismatches: { payoutId: string; ledgerCents: number; bankCents: number }[]
  ledgerPaidCents: number
  bankDebitedCents: number
  balanced: boolean
}

/** Daily check run by Finance: our payouts ledger against the bank statement. */
export function reconcilePayouts(payouts: Payout[], statement: StatementLine[]): ReconciliationReport {
  const byKey = new Map(statement.map((line) => [line.idempotencyKey, line]))
  const report: ReconciliationReport = {
    matched: [],
    paidWithoutTransfer: [],
    transferWithoutPaid: [],
    amountMismatches: [],
    ledgerPaidCents: 0,
    bankDebitedCents: statement.reduce((sum, line) => sum + line.amountCents, 0),
    balanced: false,
  }

  for (const payout of payouts) {
    const line = byKey.get(idempotencyKeyFor(payout.id))
    byKey.delete(idempotencyKeyFor(payout.id))
    if (payout.status === 'paid') report.ledgerPaidCents += payout.amountCents

    if (!line) {
      if (payout.status === 'paid') {
        report.paidWithoutTransfer.push({ payoutId: payout.id, sellerId: payout.sellerId, amountCents: payout.amountCents })
      }
      continue
    }
    if (payout.status !== 'paid') {
      report.transferWithoutPaid.push({ payoutId: payout.id, transferId: line.transferId, amountCents: line.amountCents, status: payout.status })
    } else if (line.amountCents !== payout.amountCents) {
      report.amountMismatches.push({ payoutId: payout.id, ledgerCents: payout.amountCents, bankCents: line.amountCents })
    } else {
      report.matched.push({ payoutId: payout.id, transferId: line.transferId, amountCents: line.amountCents })
    }
  }
  for (const line of byKey.values()) {
    report.transferWithoutPaid.push({ payoutId: '?', transferId: line.transferId, amountCents: line.amountCents, status: 'unknown' })
  }

  report.balanced =
    report.paidWithoutTransfer.length === 0 &&
    report.transferWithoutPaid.length === 0 &&
    report.amountMismatches.length === 0 &&
    report.ledgerPaidCents === report.bankDebitedCents
  return report
}

function euros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`
}

export function formatReconciliation(report: ReconciliationReport, day: string): string {
  return [
    `Payout reconciliation ${day}: ${report.balanced ? 'BALANCED' : 'NOT BALANCED'}`,
    `  matched                       ${report.matched.length}`,
    `  paid in ledger, no transfer   ${report.paidWithoutTransfer.length}`,
    ...report.paidWithoutTransfer.map((p) => `    ${p.payoutId} (${p.sellerId}) ${euros(p.amountCents)}`),
    `  transfer, not paid in ledger  ${report.transferWithoutPaid.length}`,
    ...report.transferWithoutPaid.map((t) => `    ${t.payoutId} ${t.transferId} ${euros(t.amountCents)} [${t.status}]`),
    `  amount mismatches             ${report.amountMismatches.length}`,
    `  ledger paid ${euros(report.ledgerPaidCents)} / bank debited ${euros(report.bankDebitedCents)}`,
  ].join('\n')
}
