import { type DocumentStore } from '../store/document-store';

export type Branch = 'central' | 'northgate' | 'westside' | 'harbour';

/** A loan as stored since the October 2025 schema change (schemaVersion 2). */
export type Loan = {
  schemaVersion: 2;
  id: string;
  itemId: string;
  title: string;
  patronId: string;
  branch: Branch;
  loanedAt: string;
  /** End of the last day of the loan, as an ISO instant. */
  dueAt: string;
  renewals: number;
  returnedAt?: string;
};

const COLLECTION = 'loans';

/** Loans live in the shared document store; this is the one place the services read and write them. */
export class LoanRepository {
  private readonly store: DocumentStore;

  constructor(store: DocumentStore) {
    this.store = store;
  }

  get(id: string): Loan | undefined {
    const raw = this.store.get(COLLECTION, id);
    return raw === undefined ? undefined : (JSON.parse(raw) as Loan);
  }

  /** Loans not yet returned. */
  open(): Loan[] {
    return this.store
      .all(COLLECTION)
      .map((raw) => JSON.parse(raw) as Loan)
      .filter((loan) => loan.returnedAt === undefined);
  }

  ofPatron(patronId: string): Loan[] {
    return this.open().filter((loan) => loan.patronId === patronId);
  }

  save(loan: Loan): void {
    this.store.put(COLLECTION, loan.id, JSON.stringify(loan));
  }
}

/**
 * When a loan is due, as an ISO instant. Documents written by kiosks on older firmware
 * (version 1) carry only `due`, the last day as "YYYY-MM-DD"; the Loan type does not say so.
 */
export function dueInstant(loan: Loan): string {
  const stored = loan as Loan & { due?: unknown };
  if (typeof stored.dueAt === 'string' && !Number.isNaN(Date.parse(stored.dueAt))) return stored.dueAt;
  if (typeof stored.due === 'string') return endOfLondonDay(stored.due);
  throw new Error(`loan ${loan.id} has no readable due date`);
}

/** The end (23:59:59.999 London time) of a calendar day "YYYY-MM-DD". Loans are due at closing of their last day. */
export function endOfLondonDay(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`not a calendar day: ${day}`);
  const offsetMinutes = londonOffsetMinutes(midnightUtc + 12 * 3_600_000);
  return new Date(midnightUtc + 86_400_000 - 1 - offsetMinutes * 60_000).toISOString();
}

function londonOffsetMinutes(at: number): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(at))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?/.exec(name ?? 'GMT');
  return match?.[1] ? Number(match[1]) * 60 : 0;
}
