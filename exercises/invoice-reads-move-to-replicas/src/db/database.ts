// The invoices database: one PostgreSQL primary and its streaming replicas. Every app server
// holds a connection pool to each. From the DBA team's notes:
//
//   "The replicas replay the primary's write-ahead log asynchronously. A write committed on the
//    primary reaches a replica 30 ms later at the median and 600 ms at p99; the worst we have
//    seen is 2.5 s, on the first working day of a month. A replica being patched or restarted
//    refuses connections for up to a minute; the others carry on. walPosition() tells how far
//    a node's data goes: on the primary, the position of the last commit
//    (pg_current_wal_lsn()); on a replica, the position it has replayed up to
//    (pg_last_wal_replay_lsn()). Positions only grow."
import type { InvoiceRow } from '../invoices/invoices'

export interface DbNode {
  /** 'primary', 'replica-1', … */
  readonly name: string
  /** SELECT * FROM invoices WHERE <each field of `where`> ORDER BY number DESC */
  selectInvoices(where: Partial<InvoiceRow>): Promise<InvoiceRow[]>
  /** How far this node's data goes, as a position in the write-ahead log. */
  walPosition(): Promise<number>
}

export interface PrimaryNode extends DbNode {
  /** SELECT nextval(…): the account's next invoice number. */
  nextInvoiceNumber(accountId: string): Promise<number>
  /** INSERT INTO invoices … */
  insertInvoice(row: InvoiceRow): Promise<void>
  /**
   * UPDATE invoices SET … , version = version + 1 WHERE id = $id AND version = $expectedVersion.
   * False when the row is at another version (someone saved it in between).
   */
  updateInvoice(id: string, changes: Partial<InvoiceRow>, expectedVersion: number): Promise<boolean>
}

/** A refused connection, a timeout, a node that is restarting. Nothing was read or written. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}
