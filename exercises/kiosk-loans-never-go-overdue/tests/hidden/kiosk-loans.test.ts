import { describe, it, expect } from 'vitest';
import { DocumentStore } from '../../src/store/document-store';
import { LoanRepository } from '../../src/loans/loan';
import { overdueNotices } from '../../src/loans/overdue';
import { renewLoan } from '../../src/loans/renewal';
import { myLoans } from '../../src/patrons/my-loans';
import { runLegacyMigration } from '../../src/admin/legacy-migration';

function kioskDocument(id: string, patronId: string, due: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ v: 1, id, itemId: `it-${id}`, title: `Title ${id}`, patronId, branch: 'westside', loanedAt: '2025-12-01T10:00:00.000Z', due, renewals: 0, ...extra });
}

function webDocument(id: string, patronId: string, dueAt: string) {
  return JSON.stringify({ schemaVersion: 2, id, itemId: `it-${id}`, title: `Title ${id}`, patronId, branch: 'harbour', loanedAt: '2025-12-01T10:00:00.000Z', dueAt, renewals: 0 });
}

const noHolds = { hasHold: () => false };

describe('loans written by kiosks on the old firmware', () => {
  // Stated in README.md: "Every open loan that is past its due date gets a notice"
  // Stated in src/loans/loan.ts: "Loans are due at closing of their last day."
  it('are chased once their last day is over, with the fine so far', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-1', kioskDocument('K-1', 'P-1', '2026-01-02'));
    store.put('loans', 'K-2', kioskDocument('K-2', 'P-2', '2025-11-01'));
    store.put('loans', 'W-1', webDocument('W-1', 'P-1', '2026-01-03T23:59:59.999Z'));
    const notices = overdueNotices(new LoanRepository(store), Date.parse('2026-01-05T02:00:00.000Z'));
    expect(notices).toEqual([
      { patronId: 'P-2', loanId: 'K-2', title: 'Title K-2', daysOverdue: 65, finePence: 1_000 },
      { patronId: 'P-1', loanId: 'K-1', title: 'Title K-1', daysOverdue: 3, finePence: 75 },
      { patronId: 'P-1', loanId: 'W-1', title: 'Title W-1', daysOverdue: 2, finePence: 50 },
    ]);
  });

  // Stated in src/loans/loan.ts: "Loans are due at closing of their last day."
  it('are not chased on their last day, and are chased the morning after', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-3', kioskDocument('K-3', 'P-3', '2026-01-04'));
    const loans = new LoanRepository(store);
    expect(overdueNotices(loans, Date.parse('2026-01-04T20:00:00.000Z'))).toEqual([]);
    expect(overdueNotices(loans, Date.parse('2026-01-05T02:00:00.000Z'))).toEqual([
      { patronId: 'P-3', loanId: 'K-3', title: 'Title K-3', daysOverdue: 1, finePence: 25 },
    ]);
  });

  // Stated in README.md: "whichever branch, desk or kiosk the loan was made at"
  it('are not chased once returned', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-4', kioskDocument('K-4', 'P-4', '2025-12-01', { returnedAt: '2025-12-02T09:00:00.000Z' }));
    expect(overdueNotices(new LoanRepository(store), Date.parse('2026-01-05T02:00:00.000Z'))).toEqual([]);
  });

  // Stated in README.md: "The **My loans** page lists every open loan of the patron"
  it('show on the My loans page with their due day', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-5', kioskDocument('K-5', 'P-5', '2026-01-09'));
    store.put('loans', 'W-5', webDocument('W-5', 'P-5', '2026-01-07T23:59:59.999Z'));
    store.put('loans', 'K-6', kioskDocument('K-6', 'P-5', '2026-01-02'));
    expect(myLoans(new LoanRepository(store), 'P-5', Date.parse('2026-01-05T09:30:00.000Z'))).toEqual([
      { title: 'Title K-6', branch: 'westside', due: 'Fri 2 Jan', status: 'overdue by 3 days (fine £0.75)' },
      { title: 'Title W-5', branch: 'harbour', due: 'Wed 7 Jan', status: 'due in 2 days' },
      { title: 'Title K-5', branch: 'westside', due: 'Fri 9 Jan', status: 'due in 4 days' },
    ]);
  });

  // Stated in README.md: "can be renewed up to three times, each time for 21 days"
  it('can be renewed, and the renewed loan is chased on its new date', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-7', kioskDocument('K-7', 'P-7', '2026-01-08', { renewals: 1 }));
    const loans = new LoanRepository(store);
    expect(renewLoan(loans, noHolds, 'K-7', 'P-7', Date.parse('2026-01-05T12:00:00.000Z'))).toEqual({ ok: true, dueAt: '2026-01-29T23:59:59.999Z' });
    expect(loans.get('K-7')?.renewals).toBe(2);
    expect(overdueNotices(loans, Date.parse('2026-01-20T02:00:00.000Z'))).toEqual([]);
    expect(overdueNotices(loans, Date.parse('2026-01-31T02:00:00.000Z'))).toEqual([
      { patronId: 'P-7', loanId: 'K-7', title: 'Title K-7', daysOverdue: 2, finePence: 50 },
    ]);
  });

  // Stated in README.md: "can be renewed up to three times, each time for 21 days"
  it('are not renewed a fourth time', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-8', kioskDocument('K-8', 'P-8', '2026-01-08', { renewals: 3 }));
    expect(renewLoan(new LoanRepository(store), noHolds, 'K-8', 'P-8', Date.parse('2026-01-05T12:00:00.000Z'))).toEqual({ ok: false, reason: 'limit-reached' });
  });

  // Stated in README.md: "whichever branch, desk or kiosk the loan was made at"
  // Stated in README.md: "The **My loans** page lists every open loan of the patron"
  it('are read correctly when written after the October migration ran', () => {
    const store = new DocumentStore();
    store.put('loans', 'K-9', kioskDocument('K-9', 'P-9', '2025-10-01'));
    expect(runLegacyMigration(store)).toEqual({ converted: 1, skipped: 0 });
    store.put('loans', 'K-10', kioskDocument('K-10', 'P-9', '2026-01-03'));
    const loans = new LoanRepository(store);
    expect(myLoans(loans, 'P-9', Date.parse('2026-01-05T09:30:00.000Z')).map((row) => row.due)).toEqual(['Wed 1 Oct', 'Sat 3 Jan']);
    expect(renewLoan(loans, noHolds, 'K-10', 'P-9', Date.parse('2026-01-05T12:00:00.000Z')).ok).toBe(true);
  });
});
