// Invoices as Quillbooks stores and shows them.

export type InvoiceLine = { description: string; quantity: number; unitCents: number }

export type InvoiceStatus = 'draft' | 'sent' | 'paid'

export type InvoiceRow = {
  id: string
  accountId: string
  /** The number printed on the invoice, per account: 1, 2, 3, … */
  number: number
  customer: string
  lines: InvoiceLine[]
  totalCents: number
  status: InvoiceStatus
  /** Goes up by one with every save; the edit form sends it back (optimistic locking). */
  version: number
}

export type InvoiceSummary = Pick<InvoiceRow, 'id' | 'number' | 'customer' | 'totalCents' | 'status' | 'version'>

export type InvoiceDraft = { customer: string; lines: InvoiceLine[] }

export type InvoiceEdit = { customer?: string; lines?: InvoiceLine[]; status?: InvoiceStatus }

export function totalOf(lines: InvoiceLine[]): number {
  return lines.reduce((sum, line) => sum + Math.round(line.quantity * line.unitCents), 0)
}

export function summaryOf(row: InvoiceRow): InvoiceSummary {
  return { id: row.id, number: row.number, customer: row.customer, totalCents: row.totalCents, status: row.status, version: row.version }
}

/** What is wrong with an edit, or undefined when it can be saved. */
export function problemWith(edit: InvoiceEdit, current: InvoiceRow): string | undefined {
  if (edit.customer !== undefined && edit.customer.trim() === '') return 'the customer is required'
  if (edit.lines !== undefined && edit.lines.length === 0) return 'an invoice needs at least one line'
  if (current.status === 'paid' && (edit.lines !== undefined || edit.customer !== undefined)) return 'a paid invoice cannot be changed'
  return undefined
}
