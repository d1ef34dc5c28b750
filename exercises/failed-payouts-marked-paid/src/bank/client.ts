/**
 * Client for the bank's transfer API, plus an in-memory bank with the same contract used
 * in tests and in the staging environment.
 *
 * createTransfer resolves with { transferId } once the transfer is booked. It rejects with
 * a BankApiError otherwise:
 *
 *   400 INVALID_IBAN        the beneficiary IBAN is malformed
 *   409 DUPLICATE_TRANSFER  a transfer with this idempotency key is already booked;
 *                           `transferId` names the existing transfer
 *   409 INSUFFICIENT_FUNDS  the platform account cannot cover the amount right now
 *   422 ACCOUNT_CLOSED      the beneficiary account is closed
 *   429 RATE_LIMITED        too many requests; try again shortly
 *   503 UNAVAILABLE         no answer from the bank; the transfer may or may not be booked
 */
export class BankApiError extends Error {
  readonly httpStatus: number
  readonly code: string
  readonly transferId: string | null

  constructor(httpStatus: number, code: string, message: string, transferId: string | null = null) {
    super(message)
    this.name = 'BankApiError'
    this.httpStatus = httpStatus
    this.code = code
    this.transferId = transferId
  }
}

export interface TransferRequest {
  idempotencyKey: string
  iban: string
  amountCents: number
  reference: string
}

export interface StatementLine {
  transferId: string
  idempotencyKey: string
  iban: string
  amountCents: number
  reference: string
}

export interface BankClient {
  createTransfer(request: TransferRequest): Promise<{ transferId: string }>
}

/** rate-limited / unavailable: fail before booking. lost-response: book, then time out. */
export type Fault = 'rate-limited' | 'unavailable' | 'lost-response'

const IBAN_PATTERN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/

export function createFakeBank({ balanceCents, closedAccounts = [] }: { balanceCents: number; closedAccounts?: string[] }) {
  let balance = balanceCents
  const booked: StatementLine[] = []
  const faults = new Map<string, Fault[]>()

  const bank = {
    async createTransfer(request: TransferRequest): Promise<{ transferId: string }> {
      const fault = faults.get(request.iban)?.shift()
      if (fault === 'rate-limited') throw new BankApiError(429, 'RATE_LIMITED', 'Too many requests')
      if (fault === 'unavailable') throw new BankApiError(503, 'UNAVAILABLE', 'Upstream timeout')

      const existing = booked.find((line) => line.idempotencyKey === request.idempotencyKey)
      if (existing) {
        throw new BankApiError(409, 'DUPLICATE_TRANSFER', `Idempotency key ${request.idempotencyKey} already used`, existing.transferId)
      }
      if (!IBAN_PATTERN.test(request.iban)) throw new BankApiError(400, 'INVALID_IBAN', `Malformed IBAN ${request.iban}`)
      if (closedAccounts.includes(request.iban)) throw new BankApiError(422, 'ACCOUNT_CLOSED', `Account ${request.iban} is closed`)
      if (request.amountCents > balance) {
        throw new BankApiError(409, 'INSUFFICIENT_FUNDS', `Balance ${balance} does not cover ${request.amountCents}`)
      }

      balance -= request.amountCents
      const transferId = `TRF-${String(booked.length + 1).padStart(6, '0')}`
      booked.push({ transferId, ...request })
      if (fault === 'lost-response') throw new BankApiError(503, 'UNAVAILABLE', 'Upstream timeout')
      return { transferId }
    },

    /** Queue faults for the next requests to this IBAN, in order. */
    injectFaults(iban: string, ...next: Fault[]) {
      faults.set(iban, [...(faults.get(iban) ?? []), ...next])
    },
    topUp(amountCents: number) {
      balance += amountCents
    },
    balance: () => balance,
    statement: (): StatementLine[] => booked.map((line) => ({ ...line })),
  }
  return bank
}
