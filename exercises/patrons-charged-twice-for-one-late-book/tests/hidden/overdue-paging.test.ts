import { describe, it, expect } from 'vitest'
import { LoanStore, type Loan } from '../../src/circulation/loans'
import { PatronAccounts } from '../../src/circulation/accounts'
import { Mailer } from '../../src/notices/mailer'
import { runReminders } from '../../src/notices/reminderRun'
import { overdueRoute } from '../../src/api/overdueRoute'

const TODAY = '2026-03-02'

function makeLoans(count: number, distinctDays = 6): Loan[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `L-${String(200_000 + ((i * 37) % 1000) * 100 + i).padStart(6, '0')}`,
    patronId: `P-${9000 + i}`,
    barcode: `77${i}`,
    title: `Title ${i}`,
    dueOn: `2026-02-${String(1 + (i % distinctDays) * 3).padStart(2, '0')}`,
    returnedOn: null,
  }))
}

function storeWith(loans: Loan[]): LoanStore {
  const store = new LoanStore()
  for (const loan of loans) store.add(loan)
  return store
}

function expectedOrder(loans: Loan[]): string[] {
  return [...loans].sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1)).map((loan) => loan.id)
}

function walk(store: LoanStore, limit: number): { ids: string[]; sizes: number[] } {
  const ids: string[] = []
  const sizes: number[] = []
  let after: string | undefined
  for (let guard = 0; guard < 1000; guard++) {
    const response = overdueRoute(store, { today: TODAY, limit: String(limit), after })
    if (response.status !== 200) throw new Error(response.body.error)
    ids.push(...response.body.loans.map((loan) => loan.id))
    sizes.push(response.body.loans.length)
    if (response.body.after === null) return { ids, sizes }
    after = response.body.after
  }
  throw new Error('paging did not end')
}

describe('paging through the overdue listing', () => {
  // Stated in src/circulation/loans.ts: "each page continues right after the last loan of the"
  it('returns every overdue loan exactly once, in order, across pages', () => {
    const loans = makeLoans(57)
    for (const limit of [10, 7, 25]) {
      expect(walk(storeWith(loans), limit).ids).toEqual(expectedOrder(loans))
    }
  })

  // Stated in src/circulation/loans.ts: "each page continues right after the last loan of the"
  it('makes progress with one loan per page', () => {
    const loans = makeLoans(12, 2)
    const { ids, sizes } = walk(storeWith(loans), 1)
    expect(ids).toEqual(expectedOrder(loans))
    expect(sizes).toEqual(Array(12).fill(1))
  })

  // Stated in src/api/overdueRoute.ts: "passing `after` back until it is null"
  it('ends on a last page that is exactly full', () => {
    const loans = makeLoans(20)
    const { ids, sizes } = walk(storeWith(loans), 10)
    expect(sizes).toEqual([10, 10])
    expect(new Set(ids).size).toBe(20)
  })

  // Stated in src/circulation/loans.ts: "so loans returned between two requests never shift later pages"
  it('continues after the last loan shown even if it was returned in between', () => {
    const loans = makeLoans(30)
    const store = storeWith(loans)
    const order = expectedOrder(loans)
    const first = overdueRoute(store, { today: TODAY, limit: '10' })
    if (first.status !== 200) throw new Error('first page failed')
    expect(first.body.loans.map((loan) => loan.id)).toEqual(order.slice(0, 10))

    store.markReturned(order[9]!, '2026-03-02')
    store.markReturned(order[2]!, '2026-03-02')
    const second = overdueRoute(store, { today: TODAY, limit: '10', after: first.body.after ?? undefined })

    if (second.status !== 200) throw new Error('second page failed')
    expect(second.body.loans.map((loan) => loan.id)).toEqual(order.slice(10, 20))
  })
})

describe('the reminder run', () => {
  // Stated in src/notices/reminderRun.ts: "one reminder, and one reminder fee, for every loan that is"
  it('charges and mails each overdue loan once, whatever the number of pages', () => {
    for (const count of [99, 100, 101, 250]) {
      const loans = makeLoans(count)
      const addresses = Object.fromEntries(loans.map((loan) => [loan.patronId, `${loan.patronId}@example.org`]))
      const accounts = new PatronAccounts()
      const mailer = new Mailer(addresses)

      const summary = runReminders(storeWith(loans), accounts, mailer, TODAY)

      expect({ count, charged: accounts.charges.map((charge) => charge.loanId) }).toEqual({ count, charged: expectedOrder(loans) })
      expect(mailer.sent).toHaveLength(count)
      expect(summary.reminders).toBe(count)
    }
  })

  // Stated in src/notices/reminderRun.ts: "one reminder, and one reminder fee, for every loan that is"
  it('leaves every patron with exactly one fee when a run uses small pages', () => {
    const loans = makeLoans(40, 3)
    const accounts = new PatronAccounts()
    runReminders(storeWith(loans), accounts, new Mailer({}), TODAY, 6)
    for (const loan of loans) expect({ patron: loan.patronId, charges: accounts.charges.filter((c) => c.patronId === loan.patronId).length }).toEqual({ patron: loan.patronId, charges: 1 })
  })
})
