import { describe, it, expect } from 'vitest';
import { DocumentStore } from '../../src/store/document-store';
import { type Loan, LoanRepository } from '../../src/loans/loan';
import { overdueNotices } from '../../src/loans/overdue';
import { renewLoan } from '../../src/loans/renewal';
import { myLoans } from '../../src/patrons/my-loans';

const NOW = Date.parse('2026-01-05T02:00:00.000Z'); // the nightly run, Monday 5 January

function webLoan(id: string, patronId: string, title: string, dueAt: string, extra: Partial<Loan> = {}): Loan {
  return { schemaVersion: 2, id, itemId: `it-${id}`, title, patronId, branch: 'central', loanedAt: '2025-12-01T10:00:00.000Z', dueAt, renewals: 0, ...extra };
}

// What the self-service kiosks at the Westside branch write when a patron borrows there.
function westsideKioskLoan(id: string, patronId: string, title: string, due: string) {
  return JSON.stringify({ v: 1, id, itemId: `it-${id}`, title, patronId, branch: 'westside', loanedAt: '2025-12-09T16:12:00.000Z', due, renewals: 0 });
}

function library() {
  const store = new DocumentStore();
  const loans = new LoanRepository(store);
  loans.save(webLoan('L-5001', 'P-204', 'The Salt Path', '2025-12-30T23:59:59.999Z'));
  loans.save(webLoan('L-5002', 'P-204', 'Piranesi', '2026-01-12T23:59:59.999Z'));
  loans.save(webLoan('L-5003', 'P-377', 'Small Things Like These', '2025-10-01T23:59:59.999Z'));
  loans.save(webLoan('L-5004', 'P-377', 'Klara and the Sun', '2025-12-20T23:59:59.999Z', { returnedAt: '2025-12-19T11:00:00.000Z' }));
  store.put('loans', 'L-5101', westsideKioskLoan('L-5101', 'P-512', 'Wolf Hall', '2025-12-30'));
  return { store, loans };
}

describe('nightly overdue notices', () => {
  it('chases a book borrowed at a Westside kiosk and not returned', () => {
    const { loans } = library();
    const notices = overdueNotices(loans, NOW);

    expect(notices.find((notice) => notice.loanId === 'L-5101')).toEqual({ patronId: 'P-512', loanId: 'L-5101', title: 'Wolf Hall', daysOverdue: 6, finePence: 150 });
  });

  it('chases books borrowed on the web, with the fine so far', () => {
    const { loans } = library();
    const notices = overdueNotices(loans, NOW).filter((notice) => notice.loanId !== 'L-5101');

    expect(notices).toEqual([
      { patronId: 'P-377', loanId: 'L-5003', title: 'Small Things Like These', daysOverdue: 96, finePence: 1_000 },
      { patronId: 'P-204', loanId: 'L-5001', title: 'The Salt Path', daysOverdue: 6, finePence: 150 },
    ]);
  });
});

describe('renewals', () => {
  it('renews a loan for 21 days from its due date', () => {
    const { loans } = library();
    expect(renewLoan(loans, { hasHold: () => false }, 'L-5002', 'P-204', NOW)).toEqual({ ok: true, dueAt: '2026-02-02T23:59:59.999Z' });
    expect(loans.get('L-5002')?.renewals).toBe(1);
  });

  it('does not renew an item another patron has reserved', () => {
    const { loans } = library();
    expect(renewLoan(loans, { hasHold: (itemId) => itemId === 'it-L-5002' }, 'L-5002', 'P-204', NOW)).toEqual({ ok: false, reason: 'on-hold' });
  });
});

describe('my loans page', () => {
  it('lists a patron’s open loans, soonest due first', () => {
    const { loans } = library();
    expect(myLoans(loans, 'P-204', NOW)).toEqual([
      { title: 'The Salt Path', branch: 'central', due: 'Tue 30 Dec', status: 'overdue by 6 days (fine £1.50)' },
      { title: 'Piranesi', branch: 'central', due: 'Mon 12 Jan', status: 'due in 7 days' },
    ]);
  });
});
