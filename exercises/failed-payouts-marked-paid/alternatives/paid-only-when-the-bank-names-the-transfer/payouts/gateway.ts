import { BankApiError } from '../bank/client'
import type { BankClient } from '../bank/client'
import type { Payout, PayoutOutcome } from './types'

export interface GatewayOptions {
  /** Attempts per payout within one batch for transient bank errors. */
  maxAttempts?: number
  retryDelayMs?: number
}

type ErrorClass = 'already-booked' | 'not-booked' | 'transient' | 'rejected'

function classify(err: BankApiError): ErrorClass {
  // A 409 only proves the money went out when it names the transfer that was booked.
  if (err.httpStatus === 409) return err.transferId !== null ? 'already-booked' : 'not-booked'
  if (err.httpStatus === 429 || err.httpStatus >= 500) return 'transient'
  return 'rejected'
}

function describe(err: unknown): string {
  if (err instanceof BankApiError) return `${err.httpStatus} ${err.code}: ${err.message}`
  return err instanceof Error ? err.message : String(err)
}

/** One key per payout, so a repeated request can never pay a seller twice. */
export function idempotencyKeyFor(payoutId: string): string {
  return `payout-${payoutId}`
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Sends payouts to the bank. Every call resolves with an outcome, never rejects, so a
 * single bad account cannot abort a batch:
 *   paid   - the bank has booked the transfer
 *   retry  - not booked this time; the ledger schedules another attempt
 *   failed - the bank refused it for good; someone has to contact the seller
 */
export function createPayoutGateway(bank: BankClient, { maxAttempts = 3, retryDelayMs = 250 }: GatewayOptions = {}) {
  async function send(payout: Payout): Promise<PayoutOutcome> {
    const request = {
      idempotencyKey: idempotencyKeyFor(payout.id),
      iban: payout.iban,
      amountCents: payout.amountCents,
      reference: `Payout ${payout.period} ${payout.id}`,
    }
    const outcome = (kind: PayoutOutcome['kind'], transferId: string | null, error: string | null): PayoutOutcome => ({
      payoutId: payout.id,
      kind,
      transferId,
      error,
    })

    for (let attempt = 1; ; attempt++) {
      try {
        const { transferId } = await bank.createTransfer(request)
        return outcome('paid', transferId, null)
      } catch (err) {
        if (!(err instanceof BankApiError)) return outcome('retry', null, describe(err))

        const errorClass = classify(err)
        if (errorClass === 'already-booked') {
          // An earlier attempt was booked but its response never reached us.
          return outcome('paid', err.transferId, null)
        }
        if (errorClass === 'transient') {
          if (attempt < maxAttempts) {
            await sleep(retryDelayMs * attempt)
            continue
          }
          return outcome('retry', null, describe(err))
        }
        if (errorClass === 'not-booked') return outcome('retry', null, describe(err))
        return outcome('failed', null, describe(err))
      }
    }
  }

  return { send }
}

export type PayoutGateway = ReturnType<typeof createPayoutGateway>
