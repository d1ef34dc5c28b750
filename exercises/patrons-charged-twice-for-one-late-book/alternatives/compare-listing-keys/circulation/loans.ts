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

/** Orders loans in the listing: by due date, then by id. Negative when `a` comes first. */
function compareKeys(a: ListingKey, b: ListingKey): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1
}

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
      .filter((loan) => after === null || compareKeys(loan, after) > 0)
      .sort(compareKeys)
    const loans = rows.slice(0, limit).map((loan) => ({ ...loan }))
    const last = loans[loans.length - 1]
    const next = rows.length > limit && last ? { dueOn: last.dueOn, id: last.id } : null
    return { loans, next }
  }
}
