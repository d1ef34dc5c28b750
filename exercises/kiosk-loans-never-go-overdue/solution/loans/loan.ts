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

/**
 * Turns a stored document into a Loan, checking what it really contains. The store holds
 * whatever each writer sent: version 2 documents, and version 1 documents (last day in
 * `due`, "YYYY-MM-DD") that kiosks on older firmware still write.
 */
export function decodeLoan(raw: string): Loan {
  const document = JSON.parse(raw) as Record<string, unknown>;
  const text = (field: string): string => {
    const value = document[field];
    if (typeof value !== 'string' || value === '') throw new Error(`loan document ${String(document.id)}: ${field} is not text`);
    return value;
  };
  let dueAt: string;
  if (document.schemaVersion === 2) dueAt = text('dueAt');
  else if (document.v === 1) dueAt = endOfLondonDay(text('due'));
  else throw new Error(`loan document ${String(document.id)} has an unknown version`);
  if (Number.isNaN(Date.parse(dueAt))) throw new Error(`loan document ${String(document.id)}: dueAt is not a date`);
  const renewals = document.renewals ?? 0;
  if (typeof renewals !== 'number' || !Number.isInteger(renewals)) throw new Error(`loan document ${String(document.id)}: renewals is not a count`);
  const returnedAt = document.returnedAt;
  return {
    schemaVersion: 2, id: text('id'),
    itemId: text('itemId'),
    title: text('title'),
    patronId: text('patronId'),
    branch: text('branch') as Branch,
    loanedAt: text('loanedAt'),
    dueAt,
    renewals,
    ...(typeof returnedAt === 'string' && { returnedAt }),
  };
}

/** Loans live in the shared document store; this is the one place the services read and write them. */
export class LoanRepository {
  private readonly store: DocumentStore;

  constructor(store: DocumentStore) {
    this.store = store;
  }

  get(id: string): Loan | undefined {
    const raw = this.store.get(COLLECTION, id);
    return raw === undefined ? undefined : decodeLoan(raw);
  }

  /** Loans not yet returned. */
  open(): Loan[] {
    return this.store
      .all(COLLECTION)
      .map(decodeLoan)
      .filter((loan) => loan.returnedAt === undefined);
  }

  ofPatron(patronId: string): Loan[] {
    return this.open().filter((loan) => loan.patronId === patronId);
  }

  save(loan: Loan): void {
    this.store.put(COLLECTION, loan.id, JSON.stringify(loan));
  }
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
