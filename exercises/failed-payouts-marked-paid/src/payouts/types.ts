export type PayoutStatus = 'pending' | 'paid' | 'retry' | 'failed'

export interface Payout {
  id: string
  sellerId: string
  iban: string
  amountCents: number
  /** Period the payout settles, e.g. "2026-W01". */
  period: string
  status: PayoutStatus
  /** Number of batches that have tried to send this payout. */
  attempts: number
  transferId: string | null
  lastError: string | null
  nextAttemptAt: string | null
  paidAt: string | null
}

/** What the gateway learned about one payout. */
export type OutcomeKind = 'paid' | 'retry' | 'failed'

export interface PayoutOutcome {
  payoutId: string
  kind: OutcomeKind
  transferId: string | null
  error: string | null
}
