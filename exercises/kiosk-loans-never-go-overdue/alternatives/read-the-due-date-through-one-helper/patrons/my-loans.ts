import { type LoanRepository, dueInstant } from '../loans/loan';
import { daysOverdue, finePence } from '../loans/overdue';

const DAY = 86_400_000;

export type MyLoanRow = { title: string; branch: string; due: string; status: string };

function dueLabel(dueAt: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(dueAt));
}

function statusLabel(dueAt: string, now: number): string {
  const overdue = daysOverdue(dueAt, now);
  if (overdue > 0) return `overdue by ${overdue} day${overdue === 1 ? '' : 's'} (fine £${(finePence(overdue) / 100).toFixed(2)})`;
  const daysLeft = Math.floor((Date.parse(dueAt) - now) / DAY);
  if (daysLeft === 0) return 'due today';
  return daysLeft === 1 ? 'due tomorrow' : `due in ${daysLeft} days`;
}

/** The "My loans" page of the web app: soonest due first. */
export function myLoans(loans: LoanRepository, patronId: string, now: number): MyLoanRow[] {
  return loans
    .ofPatron(patronId)
    .map((loan) => ({ loan, dueAt: dueInstant(loan) }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .map(({ loan, dueAt }) => ({ title: loan.title, branch: loan.branch, due: dueLabel(dueAt), status: statusLabel(dueAt, now) }));
}
