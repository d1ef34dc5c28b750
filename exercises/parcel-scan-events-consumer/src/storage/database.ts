// The tracking database (PostgreSQL in production, one instance shared by every instance of
// the consumer group; in memory in the scenarios). Rows are plain objects keyed by a string
// per table.

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
  /** SELECT … WHERE … LIMIT: up to `limit` rows the filter accepts (it must not change them), in the order they were first inserted. */
  select<T extends Row>(table: string, where: (row: T) => boolean, limit: number): Promise<T[]>
}

export type InMemoryDatabaseOptions = {
  /** Awaited on every query, to play the network round trip to the database. */
  roundTrip?: () => Promise<void>
  /** Told about every row written, for the scenarios' measurements. */
  onWrite?: (table: string, key: string, row: Row) => void
}

export class InMemoryDatabase implements Database {
  private readonly tables = new Map<string, Map<string, Row>>()
  private readonly roundTrip: () => Promise<void>
  private readonly onWrite: (table: string, key: string, row: Row) => void

  constructor(options: InMemoryDatabaseOptions = {}) {
    this.roundTrip = options.roundTrip ?? (() => Promise.resolve())
    this.onWrite = options.onWrite ?? (() => {})
  }

  async get<T extends Row>(table: string, key: string): Promise<T | undefined> {
    await this.roundTrip()
    const row = this.table(table).get(key)
    return row ? ({ ...row } as T) : undefined
  }

  async put(table: string, key: string, row: Row): Promise<void> {
    await this.roundTrip()
    this.write(table, key, row)
  }

  async insertIfAbsent(table: string, key: string, row: Row): Promise<boolean> {
    await this.roundTrip()
    if (this.table(table).has(key)) return false
    this.write(table, key, row)
    return true
  }

  async update(table: string, key: string, row: Row, expected: Row): Promise<boolean> {
    await this.roundTrip()
    const current = this.table(table).get(key)
    if (!current || !matches(current, expected)) return false
    this.write(table, key, row)
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

  async select<T extends Row>(table: string, where: (row: T) => boolean, limit: number): Promise<T[]> {
    await this.roundTrip()
    const found: T[] = []
    for (const row of this.table(table).values()) {
      if (found.length >= limit) break
      if (where(row as T)) found.push({ ...row } as T)
    }
    return found
  }

  private write(table: string, key: string, row: Row) {
    this.table(table).set(key, { ...row })
    this.onWrite(table, key, { ...row })
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
