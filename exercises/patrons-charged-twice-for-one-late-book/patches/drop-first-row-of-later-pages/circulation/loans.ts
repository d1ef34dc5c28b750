export type Loan = {
  id: string
  patronId: string
  barcode: string
  title: string
  /** Calendar day the item is due back, "YYYY-MM-DD". */
  dueOn: string
  returnedOn: string | null
}

/** Position of a loan in the overdue listing: the listing is ordered by due date, then loan id. */
export type ListingKey = { dueOn: string; id: string }

export type LoanPage = { loans: Loan[]; next: ListingKey | null }

export const MAX_PAGE = 500

/**
 * The circulation database's loans (in memory here). Overdue loans are listed oldest due
 * date first with keyset paging: each page continues right after the last loan of the
 * previous one, so loans returned between two requests never shift later pages.
 */
export class LoanStore {
  private readonly loans = new Map<string, Loan>()

  add(loan: Loan): void {
    if (this.loans.has(loan.id)) throw new Error(`duplicate loan ${loan.id}`)
    this.loans.set(loan.id, { ...loan })
  }

  markReturned(id: string, on: string): void {
    const loan = this.loans.get(id)
    if (!loan) throw new Error(`unknown loan ${id}`)
    loan.returnedOn = on
  }

  get(id: string): Loan | undefined {
    const loan = this.loans.get(id)
    return loan ? { ...loan } : undefined
  }

  /** Loans still out whose due date is before `today`, a page at a time. */
  overduePage(today: string, limit: number, after: ListingKey | null = null): LoanPage {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new RangeError(`limit must be 1 to ${MAX_PAGE}`)
    const rows = [...this.loans.values()]
      .filter((loan) => loan.returnedOn === null && loan.dueOn < today)
      .filter((loan) => after === null || loan.dueOn > after.dueOn || (loan.dueOn === after.dueOn && loan.id >= after.id))
      .sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1))
    if (after !== null) rows.shift()
    const loans = rows.slice(0, limit).map((loan) => ({ ...loan }))
    const last = loans[loans.length - 1]
    const next = rows.length > limit && last ? { dueOn: last.dueOn, id: last.id } : null
    return { loans, next }
  }
}
