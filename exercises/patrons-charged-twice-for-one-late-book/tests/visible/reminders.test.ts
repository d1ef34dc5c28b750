import { describe, it, expect } from 'vitest'
import { LoanStore, type Loan } from '../../src/circulation/loans'
import { PatronAccounts } from '../../src/circulation/accounts'
import { Mailer } from '../../src/notices/mailer'
import { runReminders } from '../../src/notices/reminderRun'
import { overdueRoute } from '../../src/api/overdueRoute'

const TODAY = '2026-01-12'

function loan(n: number, dueOn: string, returnedOn: string | null = null): Loan {
  return {
    id: `L-${String(n).padStart(6, '0')}`,
    patronId: `P-${String(5000 + n)}`,
    barcode: `3100${String(n).padStart(6, '0')}`,
    title: `Book ${n}`,
    dueOn,
    returnedOn,
  }
}

// 250 loans overdue on Monday 12 January, due on 20 different days (many share a day).
function busyMonday() {
  const store = new LoanStore()
  const addresses: Record<string, string> = {}
  for (let n = 1; n <= 250; n++) {
    const day = 1 + ((n * 7) % 20)
    store.add(loan(n, `2025-12-${String(day + 10).padStart(2, '0')}`))
    addresses[`P-${5000 + n}`] = `patron${n}@example.org`
  }
  store.add(loan(900, '2025-12-20', '2026-01-02'))
  store.add(loan(901, '2026-01-20'))
  return { store, accounts: new PatronAccounts(), mailer: new Mailer(addresses) }
}

describe('Monday reminder run', () => {
  it('charges one reminder fee per overdue loan', () => {
    const { store, accounts, mailer } = busyMonday()

    const summary = runReminders(store, accounts, mailer, TODAY)

    const perLoan = new Map<string, number>()
    for (const charge of accounts.charges) perLoan.set(charge.loanId, (perLoan.get(charge.loanId) ?? 0) + 1)
    expect(perLoan.size).toBe(250)
    expect([...perLoan.values()].every((count) => count === 1)).toBe(true)
    expect(summary.reminders).toBe(250)
  })

  it('leaves returned loans and loans not yet due alone', () => {
    const store = new LoanStore()
    store.add(loan(1, '2026-01-05'))
    store.add(loan(2, '2026-01-05', '2026-01-09'))
    store.add(loan(3, '2026-01-12'))
    const accounts = new PatronAccounts()
    const mailer = new Mailer({ 'P-5001': 'a@example.org', 'P-5002': 'b@example.org', 'P-5003': 'c@example.org' })

    runReminders(store, accounts, mailer, TODAY)

    expect(accounts.charges.map((charge) => charge.loanId)).toEqual(['L-000001'])
    expect(mailer.sent.map((mail) => mail.to)).toEqual(['a@example.org'])
  })

  it('charges the fee step for how late the item is', () => {
    const store = new LoanStore()
    store.add(loan(1, '2026-01-11'))
    store.add(loan(2, '2025-12-28'))
    store.add(loan(3, '2025-12-14'))
    const accounts = new PatronAccounts()

    const summary = runReminders(store, accounts, new Mailer({}), TODAY)

    expect(accounts.charges.map((charge) => [charge.loanId, charge.cents])).toEqual([
      ['L-000003', 400],
      ['L-000002', 200],
      ['L-000001', 100],
    ])
    expect(summary.unreachable).toEqual(['P-5003', 'P-5002', 'P-5001'])
  })
})

describe('GET /api/overdue', () => {
  it('lists the oldest due date first', () => {
    const { store } = busyMonday()
    const response = overdueRoute(store, { today: TODAY, limit: '5' })
    expect(response.status).toBe(200)
    if (response.status !== 200) return
    expect(response.body.loans.map((l) => [l.id, l.dueOn])).toEqual([
      ['L-000020', '2025-12-11'],
      ['L-000040', '2025-12-11'],
      ['L-000060', '2025-12-11'],
      ['L-000080', '2025-12-11'],
      ['L-000100', '2025-12-11'],
    ])
    expect(response.body.after).toBe('2025-12-11~L-000100')
  })

  it('refuses a cursor it did not issue', () => {
    const { store } = busyMonday()
    expect(overdueRoute(store, { today: TODAY, after: 'page-2' })).toEqual({ status: 400, body: { error: 'after is not a cursor from this listing' } })
  })
})
