// The payments database (PostgreSQL in production, one instance shared by every server;
// in memory in the tests). Rows are plain objects keyed by a string per table.

export type Row = Record<string, unknown>

export interface Database {
  get<T extends Row>(table: string, key: string): Promise<T | undefined>
  /** Writes the row, replacing any row with that key. */
  put(table: string, key: string, row: Row): Promise<void>
  /** INSERT … ON CONFLICT DO NOTHING: true when this call inserted the row, false when the key existed. Atomic. */
  insertIfAbsent(table: string, key: string, row: Row): Promise<boolean>
  /**
   * UPDATE … WHERE: replaces the row only if the stored row exists and has every field
   * value in `expected` (compare-and-set). True when it wrote. Atomic.
   */
  update(table: string, key: string, row: Row, expected: Row): Promise<boolean>
  /** DELETE … WHERE: deletes the row only if it has every field value in `expected`. Atomic. */
  deleteIf(table: string, key: string, expected: Row): Promise<boolean>
  /** The database server's clock (SELECT now()), in ms since the epoch. */
  now(): Promise<number>
}

export type InMemoryDatabaseOptions = {
  /** Awaited on every query, to play the network round trip to the database. */
  roundTrip?: () => Promise<void>
  /** The database server's clock. */
  clock?: () => number
}

export class InMemoryDatabase implements Database {
  private readonly tables = new Map<string, Map<string, Row>>()
  private readonly roundTrip: () => Promise<void>
  private readonly clock: () => number

  constructor(options: InMemoryDatabaseOptions = {}) {
    this.roundTrip = options.roundTrip ?? (() => Promise.resolve())
    this.clock = options.clock ?? (() => Date.now())
  }

  async get<T extends Row>(table: string, key: string): Promise<T | undefined> {
    await this.roundTrip()
    const row = this.table(table).get(key)
    return row ? ({ ...row } as T) : undefined
  }

  async put(table: string, key: string, row: Row): Promise<void> {
    await this.roundTrip()
    this.table(table).set(key, { ...row })
  }

  async insertIfAbsent(table: string, key: string, row: Row): Promise<boolean> {
    await this.roundTrip()
    const rows = this.table(table)
    if (rows.has(key)) return false
    rows.set(key, { ...row })
    return true
  }

  async update(table: string, key: string, row: Row, expected: Row): Promise<boolean> {
    await this.roundTrip()
    const rows = this.table(table)
    const current = rows.get(key)
    if (!current || !matches(current, expected)) return false
    rows.set(key, { ...row })
    return true
  }

  async deleteIf(table: string, key: string, expected: Row): Promise<boolean> {
    await this.roundTrip()
    const rows = this.table(table)
    const current = rows.get(key)
    if (!current || !matches(current, expected)) return false
    rows.delete(key)
    return true
  }

  async now(): Promise<number> {
    await this.roundTrip()
    return this.clock()
  }

  /** Every row of a table, for reports and tests. */
  rows(table: string): Row[] {
    return [...this.table(table).values()].map((row) => ({ ...row }))
  }

  private table(name: string) {
    let rows = this.tables.get(name)
    if (!rows) {
      rows = new Map()
      this.tables.set(name, rows)
    }
    return rows
  }
}

function matches(row: Row, expected: Row) {
  return Object.entries(expected).every(([field, value]) => row[field] === value)
}
