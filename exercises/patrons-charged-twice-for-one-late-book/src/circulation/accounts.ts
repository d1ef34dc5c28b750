export type Charge = { patronId: string; loanId: string; cents: number; reason: string; on: string }

/** Patrons with this much or more outstanding may not borrow until they pay. */
export const BLOCK_FROM_CENTS = 1_000

export class PatronAccounts {
  readonly charges: Charge[] = []

  charge(entry: Charge): void {
    if (!Number.isInteger(entry.cents) || entry.cents <= 0) throw new RangeError(`invalid charge ${entry.cents}`)
    this.charges.push({ ...entry })
  }

  balance(patronId: string): number {
    return this.charges.filter((c) => c.patronId === patronId).reduce((sum, c) => sum + c.cents, 0)
  }

  mayBorrow(patronId: string): boolean {
    return this.balance(patronId) < BLOCK_FROM_CENTS
  }
}
