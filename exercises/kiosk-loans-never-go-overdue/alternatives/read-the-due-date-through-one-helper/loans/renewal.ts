import { type Loan, type LoanRepository, dueInstant, endOfLondonDay } from './loan';

export const MAX_RENEWALS = 3;
export const LOAN_DAYS = 21;

export type RenewalResult = { ok: true; dueAt: string } | { ok: false; reason: 'not-found' | 'not-yours' | 'returned' | 'limit-reached' | 'on-hold' };

/** The new last day: 21 days after the later of today and the current due date (London calendar days). */
function nextDueDay(loan: Loan, now: number): string {
  const base = Math.max(now, Date.parse(dueInstant(loan)));
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(base));
  const next = new Date(`${day}T12:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + LOAN_DAYS);
  return next.toISOString().slice(0, 10);
}

/** A patron renews one of their loans (web app or kiosk). Items someone else has reserved cannot be renewed. */
export function renewLoan(loans: LoanRepository, holds: { hasHold(itemId: string): boolean }, loanId: string, patronId: string, now: number): RenewalResult {
  const loan = loans.get(loanId);
  if (!loan) return { ok: false, reason: 'not-found' };
  if (loan.patronId !== patronId) return { ok: false, reason: 'not-yours' };
  if (loan.returnedAt !== undefined) return { ok: false, reason: 'returned' };
  if (loan.renewals >= MAX_RENEWALS) return { ok: false, reason: 'limit-reached' };
  if (holds.hasHold(loan.itemId)) return { ok: false, reason: 'on-hold' };
  const { due: _legacyDue, v: _legacyVersion, ...current } = loan as Loan & { due?: string; v?: number };
  const renewed: Loan = { ...current, schemaVersion: 2, dueAt: endOfLondonDay(nextDueDay(loan, now)), renewals: loan.renewals + 1 };
  loans.save(renewed);
  return { ok: true, dueAt: renewed.dueAt };
}
