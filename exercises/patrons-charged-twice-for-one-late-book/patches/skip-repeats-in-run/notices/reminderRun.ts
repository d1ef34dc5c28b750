import { type PatronAccounts } from '../circulation/accounts'
import { daysLate, reminderFee } from '../circulation/fines'
import { type Loan, type LoanStore } from '../circulation/loans'
import { type Mailer } from './mailer'

export type RunSummary = { today: string; pages: number; reminders: number; feesCents: number; unreachable: string[] }

export const RUN_PAGE_SIZE = 100

function formatEuros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`
}

function reminderText(loan: Loan, today: string, fee: number): string {
  return [
    `"${loan.title}" (${loan.barcode}) was due back on ${loan.dueOn} and is ${daysLate(loan.dueOn, today)} days late.`,
    `A reminder fee of ${formatEuros(fee)} has been added to your account.`,
    'Please return it to any branch, or renew it online if nobody has reserved it.',
  ].join('\n')
}

/**
 * The Monday reminder run: one reminder, and one reminder fee, for every loan that is
 * overdue today. It walks the overdue listing page by page.
 */
export function runReminders(store: LoanStore, accounts: PatronAccounts, mailer: Mailer, today: string, pageSize = RUN_PAGE_SIZE): RunSummary {
  const summary: RunSummary = { today, pages: 0, reminders: 0, feesCents: 0, unreachable: [] }
  const reminded = new Set<string>()
  let page = store.overduePage(today, pageSize)
  for (;;) {
    summary.pages++
    for (const loan of page.loans) {
      if (reminded.has(loan.id)) continue
      reminded.add(loan.id)
      const fee = reminderFee(loan.dueOn, today)
      if (fee === 0) continue
      accounts.charge({ patronId: loan.patronId, loanId: loan.id, cents: fee, reason: 'reminder', on: today })
      summary.feesCents += fee
      summary.reminders++
      if (!mailer.send(loan.patronId, `Overdue: ${loan.title}`, reminderText(loan, today, fee))) summary.unreachable.push(loan.patronId)
    }
    if (page.next === null) break
    page = store.overduePage(today, pageSize, page.next)
  }
  return summary
}
