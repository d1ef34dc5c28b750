import type { Payout, PayoutOutcome } from './types'

export const MAX_BATCH_ATTEMPTS = 5
const RETRY_BACKOFF_MS = [15, 60, 240, 720].map((minutes) => minutes * 60_000)

export interface NewPayout {
  id: string
  sellerId: string
  iban: string
  amountCents: number
  period: string
}

/** The payouts table: what we owe each seller and what happened to it. */
export function createPayoutLedger() {
  const payouts = new Map<string, Payout>()

  function mustGet(id: string): Payout {
    const payout = payouts.get(id)
    if (!payout) throw new Error(`Unknown payout ${id}`)
    return payout
  }

  return {
    add(entries: NewPayout[]) {
      for (const entry of entries) {
        if (payouts.has(entry.id)) throw new Error(`Payout ${entry.id} already exists`)
        if (!Number.isInteger(entry.amountCents) || entry.amountCents <= 0) {
          throw new Error(`Payout ${entry.id} has an invalid amount ${entry.amountCents}`)
        }
        payouts.set(entry.id, {
          ...entry,
          status: 'pending',
          attempts: 0,
          transferId: null,
          lastError: null,
          nextAttemptAt: null,
          paidAt: null,
        })
      }
    },

    get: (id: string): Payout => ({ ...mustGet(id) }),
    list: (): Payout[] => [...payouts.values()].map((payout) => ({ ...payout })),

    /** Payouts a batch starting at `now` should send, oldest first. */
    due(now: Date): Payout[] {
      return [...payouts.values()]
        .filter((p) => p.status === 'pending' || (p.status === 'retry' && p.nextAttemptAt !== null && p.nextAttemptAt <= now.toISOString()))
        .map((payout) => ({ ...payout }))
    },

    applyOutcome(outcome: PayoutOutcome, now: Date) {
      const payout = mustGet(outcome.payoutId)
      if (payout.status === 'paid' || payout.status === 'failed') {
        throw new Error(`Payout ${payout.id} is already ${payout.status}`)
      }
      payout.attempts += 1
      payout.lastError = outcome.error

      if (outcome.kind === 'paid' && outcome.transferId === null) {
        // Never mark a payout paid without the bank's transfer ID: send it again later.
        outcome = { ...outcome, kind: 'retry', error: outcome.error ?? 'bank returned no transfer ID' }
        payout.lastError = outcome.error
      }

      if (outcome.kind === 'paid') {
        payout.status = 'paid'
        payout.transferId = outcome.transferId
        payout.paidAt = now.toISOString()
        payout.nextAttemptAt = null
      } else if (outcome.kind === 'retry' && payout.attempts < MAX_BATCH_ATTEMPTS) {
        const backoff = RETRY_BACKOFF_MS[Math.min(payout.attempts, RETRY_BACKOFF_MS.length) - 1]!
        payout.status = 'retry'
        payout.nextAttemptAt = new Date(now.getTime() + backoff).toISOString()
      } else {
        payout.status = 'failed'
        payout.nextAttemptAt = null
        if (outcome.kind === 'retry') payout.lastError = `gave up after ${payout.attempts} attempts: ${outcome.error}`
      }
    },
  }
}

export type PayoutLedger = ReturnType<typeof createPayoutLedger>
