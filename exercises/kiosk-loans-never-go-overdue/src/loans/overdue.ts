import { type LoanRepository } from './loan';

const DAY = 86_400_000;
export const FINE_PENCE_PER_DAY = 25;
export const MAX_FINE_PENCE = 1_000;

export type OverdueNotice = { patronId: string; loanId: string; title: string; daysOverdue: number; finePence: number };

export function finePence(daysOverdue: number): number {
  return Math.min(Math.max(0, daysOverdue) * FINE_PENCE_PER_DAY, MAX_FINE_PENCE);
}

/** Days past the due instant, counting a started day as a whole one. */
export function daysOverdue(dueAt: string, now: number): number {
  return Math.ceil((now - Date.parse(dueAt)) / DAY);
}

/**
 * The nightly job: one notice per open loan that is past due, with the fine so far.
 * Patrons are e-mailed; the notices also feed the branch's "items to chase" list.
 */
export function overdueNotices(loans: LoanRepository, now: number): OverdueNotice[] {
  return loans
    .open()
    .filter((loan) => Date.parse(loan.dueAt) < now)
    .map((loan) => {
      const days = daysOverdue(loan.dueAt, now);
      return { patronId: loan.patronId, loanId: loan.id, title: loan.title, daysOverdue: days, finePence: finePence(days) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.loanId.localeCompare(b.loanId));
}
