import type { PayoutGateway } from './gateway'
import type { PayoutLedger } from './ledger'

export interface BatchSummary {
  startedAt: string
  attempted: number
  paid: number
  paidCents: number
  retrying: number
  failed: number
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Sends every payout that is due, a few at a time (the bank allows 4 parallel requests
 * per client), and records each outcome in the ledger.
 */
export async function runPayoutBatch({ ledger, gateway, now, concurrency = 4 }: { ledger: PayoutLedger; gateway: PayoutGateway; now: Date; concurrency?: number }): Promise<BatchSummary> {
  const due = ledger.due(now)
  const summary: BatchSummary = { startedAt: now.toISOString(), attempted: due.length, paid: 0, paidCents: 0, retrying: 0, failed: 0 }

  for (const group of chunks(due, concurrency)) {
    const outcomes = await Promise.all(group.map((payout) => gateway.send(payout)))
    for (const outcome of outcomes) {
      ledger.applyOutcome(outcome, now)
      const payout = ledger.get(outcome.payoutId)
      if (payout.status === 'paid') {
        summary.paid += 1
        summary.paidCents += payout.amountCents
      } else if (payout.status === 'retry') {
        summary.retrying += 1
      } else {
        summary.failed += 1
      }
    }
  }
  return summary
}
