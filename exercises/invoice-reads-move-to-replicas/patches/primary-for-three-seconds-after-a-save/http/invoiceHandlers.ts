import { DatabaseUnavailableError } from '../db/database'
import type { ReadRouting } from '../db/readRouting'
import { type InvoiceDraft, type InvoiceEdit, type InvoiceRow, problemWith, summaryOf, totalOf } from '../invoices/invoices'
import type { HttpRequest, HttpResponse, Session } from './session'

export type InvoiceHandlersDeps = { db: ReadRouting; node?: string; log?: (line: string) => void }

// The invoice pages and forms. After a form is saved the browser is redirected (303) to the
// invoice's page, as every Quillbooks form does.
export class InvoiceHandlers {
  private readonly db: ReadRouting
  private readonly node: string
  private readonly log: (line: string) => void
  private created = 0

  constructor(deps: InvoiceHandlersDeps) {
    this.db = deps.db
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async handle(request: HttpRequest): Promise<HttpResponse> {
    const id = /^\/invoices\/([\w-]+)$/.exec(request.path)?.[1]
    try {
      if (request.method === 'GET' && request.path === '/invoices') return await this.list(request.session)
      if (request.method === 'GET' && id) return await this.show(request.session, id)
      if (request.method === 'POST' && request.path === '/invoices') return await this.create(request.session, request.body as InvoiceDraft)
      if (request.method === 'PUT' && id) return await this.edit(request.session, id, request.body as { expectedVersion: number; changes: InvoiceEdit })
      return { status: 404, body: { error: 'no such page' } }
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error
      this.log(`${this.node} ${request.method} ${request.path}: ${error.message}`)
      return { status: 503, body: { error: 'Quillbooks is busy, try again in a moment' } }
    }
  }

  private async list(session: Session): Promise<HttpResponse> {
    const rows = await this.db.read(session, (node) => node.selectInvoices({ accountId: session.accountId }))
    return { status: 200, body: { invoices: rows.map(summaryOf) } }
  }

  private async show(session: Session, id: string): Promise<HttpResponse> {
    const [row] = await this.db.read(session, (node) => node.selectInvoices({ id, accountId: session.accountId }))
    if (!row) return { status: 404, body: { error: 'no such invoice' } }
    return { status: 200, body: { invoice: row } }
  }

  private async create(session: Session, draft: InvoiceDraft): Promise<HttpResponse> {
    if (!draft || draft.customer.trim() === '' || draft.lines.length === 0) return { status: 422, body: { error: 'a customer and at least one line' } }
    const id = `inv-${this.node}-${++this.created}`
    await this.db.write(session, async (primary) => {
      const number = await primary.nextInvoiceNumber(session.accountId)
      const row: InvoiceRow = {
        id,
        accountId: session.accountId,
        number,
        customer: draft.customer.trim(),
        lines: draft.lines,
        totalCents: totalOf(draft.lines),
        status: 'draft',
        version: 1,
      }
      await primary.insertInvoice(row)
    })
    return { status: 303, location: `/invoices/${id}` }
  }

  private async edit(session: Session, id: string, form: { expectedVersion: number; changes: InvoiceEdit }): Promise<HttpResponse> {
    // The checks a save depends on read the primary: a replica's copy may be behind the form.
    return this.db.write(session, async (primary): Promise<HttpResponse> => {
      const [current] = await primary.selectInvoices({ id, accountId: session.accountId })
      if (!current) return { status: 404, body: { error: 'no such invoice' } }
      const problem = problemWith(form.changes, current)
      if (problem) return { status: 422, body: { error: problem } }
      const changes: Partial<InvoiceRow> = { ...form.changes }
      if (form.changes.lines) changes.totalCents = totalOf(form.changes.lines)
      const saved = await primary.updateInvoice(id, changes, form.expectedVersion)
      if (!saved) return { status: 409, body: { error: 'This invoice was changed by someone else. Reload it and try again.' } }
      return { status: 303, location: `/invoices/${id}` }
    })
  }
}
