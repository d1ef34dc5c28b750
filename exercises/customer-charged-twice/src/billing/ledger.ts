// Append-only record of money movements, used by finance for reconciliation.

export type LedgerEntry =
  | { kind: 'charge'; orderId: string; customerId: string; amountCents: number; chargeId: string; at: string }
  | { kind: 'charge_failed'; orderId: string; customerId: string; amountCents: number; reason: string; at: string }

export class Ledger {
  private readonly entries: LedgerEntry[] = []

  record(entry: LedgerEntry): void {
    this.entries.push({ ...entry })
  }

  entriesFor(orderId: string): LedgerEntry[] {
    return this.entries.filter((entry) => entry.orderId === orderId)
  }

  all(): LedgerEntry[] {
    return this.entries.map((entry) => ({ ...entry }))
  }
}
