export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type PageRequest = {
  limit?: number;
  cursor?: string | null;
};

export type Page<T> = {
  items: T[];
  /** Pass this back to get the following page; null when there is nothing after this page. */
  nextCursor: string | null;
};

export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`Invalid cursor: ${JSON.stringify(cursor)}`);
    this.name = 'InvalidCursorError';
  }
}

const CURSOR_PREFIX = 'pos_';

// Cursors are opaque to clients; internally they carry a row position in base 36.
export function encodeCursor(position: number): string {
  return CURSOR_PREFIX + position.toString(36);
}

export function decodeCursor(cursor: string): number {
  const digits = cursor.startsWith(CURSOR_PREFIX) ? cursor.slice(CURSOR_PREFIX.length) : '';
  if (!/^[0-9a-z]+$/.test(digits)) throw new InvalidCursorError(cursor);
  const position = parseInt(digits, 36);
  if (!Number.isSafeInteger(position)) throw new InvalidCursorError(cursor);
  return position;
}

export function resolvePageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

/**
 * Cuts one page out of a result set that is already in a stable order, and
 * issues the cursor a client passes back to continue after this page. Row
 * positions are zero-based indexes into `rows`.
 */
export function paginate<T>(rows: readonly T[], request: PageRequest = {}): Page<T> {
  const pageSize = resolvePageSize(request.limit);
  const start = request.cursor ? decodeCursor(request.cursor) + 1 : 0;
  const items = rows.slice(start, start + pageSize);
  const lastPosition = start + items.length - 1;
  const nextCursor = lastPosition < rows.length - 1 ? encodeCursor(lastPosition) : null;
  return { items, nextCursor };
}
