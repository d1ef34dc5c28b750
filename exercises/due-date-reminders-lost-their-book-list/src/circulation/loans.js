/**
 * @typedef {{ itemId: string, patronId: string, dueDate: string, renewals: number }} Loan
 * dueDate is the last day of the loan, YYYY-MM-DD, in the library's time zone.
 */

export const MAX_RENEWALS = 3

const DAY_MS = 24 * 60 * 60 * 1000

export class LoanStore {
  /** @type {Loan[]} */
  #loans = []

  /** @param {Loan} loan */
  add(loan) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(loan.dueDate)) throw new Error(`invalid due date ${loan.dueDate}`)
    if (this.#loans.some((other) => other.itemId === loan.itemId)) throw new Error(`${loan.itemId} is already on loan`)
    this.#loans.push({ ...loan })
  }

  /** @param {string} itemId */
  return(itemId) {
    this.#loans = this.#loans.filter((loan) => loan.itemId !== itemId)
  }

  /**
   * Loans due between today and `days` days from today, grouped by patron.
   * @param {string} today YYYY-MM-DD
   * @param {number} days
   * @returns {Map<string, Loan[]>}
   */
  dueWithin(today, days) {
    const last = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
    const byPatron = new Map()
    for (const loan of this.#loans) {
      if (loan.dueDate < today || loan.dueDate > last) continue
      byPatron.set(loan.patronId, [...(byPatron.get(loan.patronId) ?? []), { ...loan }])
    }
    return byPatron
  }
}
