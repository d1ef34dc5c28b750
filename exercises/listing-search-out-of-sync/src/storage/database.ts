// The marketplace database (PostgreSQL in production, one instance shared by every pod; in
// memory in the scenarios, with the same guarantees). Rows are plain objects keyed by a string
// per table; a table keeps its rows in the order they were first inserted.

export type Row = Record<string, unknown>

export interface Transaction {
  get<T extends Row>(table: string, key: string): Promise<T | undefined>
  /** INSERT: fails the transaction at COMMIT if the key exists by then. */
  insert(table: string, key: string, row: Row): Promise<void>
  /** UPDATE … WHERE <every field of expected>: fails the transaction at COMMIT if the stored row no longer matches. */
  update(table: string, key: string, row: Row, expected: Row): Promise<void>
  delete(table: string, key: string): Promise<void>
}

export interface Database {
  /**
   * BEGIN … COMMIT. The writes made through `tx` are applied together when `work` has returned,
   * or not at all: if `work` throws, if a check fails at COMMIT (ConflictError), or if the
   * process dies before COMMIT.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>
  get<T extends Row>(table: string, key: string): Promise<T | undefined>
  /** SELECT … WHERE <every field of where> ORDER BY insertion LIMIT limit: the oldest matching rows first. */
  select<T extends Row>(table: string, query?: { where?: Row; limit?: number }): Promise<T[]>
  /** INSERT … ON CONFLICT DO NOTHING: true when this call inserted the row. */
  insertIfAbsent(table: string, key: string, row: Row): Promise<boolean>
  /** UPDATE … WHERE <every field of expected> (compare-and-set): true when it wrote. The row keeps its place. */
  update(table: string, key: string, row: Row, expected: Row): Promise<boolean>
  /** DELETE … WHERE <every field of expected>: true when it deleted. */
  deleteIf(table: string, key: string, expected: Row): Promise<boolean>
  /** The database server's clock (SELECT now()), in ms since the epoch. */
  now(): Promise<number>
}

/** A transaction's check failed at COMMIT (a concurrent write won); nothing was written. */
export class ConflictError extends Error {
  override name = 'ConflictError'
}

export type InMemoryDatabaseOptions = {
  /** Called with every committed write (row undefined for a delete), for reports and tests. */
  onWrite?: (table: string, key: string, row: Row | undefined) => void
}

type Write = { table: string; key: string; row?: Row; expected?: Row; insert?: boolean }

export class InMemoryDatabase implements Database {
  private readonly tables = new Map<string, Map<string, Row>>()
  private readonly onWrite: (table: string, key: string, row: Row | undefined) => void

  constructor(options: InMemoryDatabaseOptions = {}) {
    this.onWrite = options.onWrite ?? (() => {})
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const writes: Write[] = []
    const tx: Transaction = {
      get: async <R extends Row>(table: string, key: string) => {
        const own = writes.findLast((write) => write.table === table && write.key === key)
        if (own) return own.row ? ({ ...own.row } as R) : undefined
        return this.read<R>(table, key)
      },
      insert: async (table, key, row) => void writes.push({ table, key, row: { ...row }, insert: true }),
      update: async (table, key, row, expected) => void writes.push({ table, key, row: { ...row }, expected: { ...expected } }),
      delete: async (table, key) => void writes.push({ table, key }),
    }
    const result = await work(tx)
    for (const write of writes) {
      const current = this.table(write.table).get(write.key)
      if (write.insert && current) throw new ConflictError(`${write.table} ${write.key} exists`)
      if (write.expected && (!current || !matches(current, write.expected))) throw new ConflictError(`${write.table} ${write.key} changed`)
    }
    for (const write of writes) this.write(write.table, write.key, write.row)
    return result
  }

  async get<T extends Row>(table: string, key: string): Promise<T | undefined> {
    return this.read<T>(table, key)
  }

  async select<T extends Row>(table: string, query: { where?: Row; limit?: number } = {}): Promise<T[]> {
    const found: T[] = []
    const limit = query.limit ?? Number.POSITIVE_INFINITY
    const where = Object.entries(query.where ?? {})
    for (const row of this.table(table).values()) {
      if (found.length >= limit) break
      let matching = true
      for (const [field, value] of where) matching &&= row[field] === value
      if (matching) found.push({ ...row } as T)
    }
    return found
  }

  async insertIfAbsent(table: string, key: string, row: Row): Promise<boolean> {
    if (this.table(table).has(key)) return false
    this.write(table, key, { ...row })
    return true
  }

  async update(table: string, key: string, row: Row, expected: Row): Promise<boolean> {
    const current = this.table(table).get(key)
    if (!current || !matches(current, expected)) return false
    this.write(table, key, { ...row })
    return true
  }

  async deleteIf(table: string, key: string, expected: Row): Promise<boolean> {
    const current = this.table(table).get(key)
    if (!current || !matches(current, expected)) return false
    this.write(table, key, undefined)
    return true
  }

  async now(): Promise<number> {
    return Date.now()
  }

  /** Loads rows without a query, for the scenarios' starting state. */
  seed(table: string, rows: Array<{ key: string; row: Row }>): void {
    for (const { key, row } of rows) this.table(table).set(key, { ...row })
  }

  private read<T extends Row>(table: string, key: string): T | undefined {
    const row = this.table(table).get(key)
    return row ? ({ ...row } as T) : undefined
  }

  private write(table: string, key: string, row: Row | undefined) {
    if (row) this.table(table).set(key, row)
    else this.table(table).delete(key)
    this.onWrite(table, key, row ? { ...row } : undefined)
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
