import { type Branch, type Loan, endOfLondonDay } from '../loans/loan';
import { type DocumentStore } from '../store/document-store';

/** A loan as the first catalogue (and the kiosk firmware of that time) wrote it. */
export type LegacyLoan = {
  v: 1;
  id: string;
  itemId: string;
  title: string;
  patronId: string;
  branch: Branch;
  loanedAt: string;
  /** Last day of the loan, "YYYY-MM-DD", London time. */
  due: string;
  renewals: number;
  returnedAt?: string;
};

export function upgradeLegacyLoan(legacy: LegacyLoan): Loan {
  const { v: _version, due, ...rest } = legacy;
  return { ...rest, schemaVersion: 2, dueAt: endOfLondonDay(due) };
}

/**
 * The October 2025 schema change: rewrites every version 1 loan in the store as version 2.
 * Run from the admin console; running it again changes nothing that is already converted.
 */
export function runLegacyMigration(store: DocumentStore): { converted: number; skipped: number } {
  let converted = 0;
  let skipped = 0;
  for (const raw of store.all('loans')) {
    const document = JSON.parse(raw) as { v?: number };
    if (document.v !== 1) {
      skipped += 1;
      continue;
    }
    const loan = upgradeLegacyLoan(document as LegacyLoan);
    store.put('loans', loan.id, JSON.stringify(loan));
    converted += 1;
  }
  return { converted, skipped };
}
