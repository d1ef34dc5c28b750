import type { OrderStore } from '../orders/store'
import { validateOrderRecord } from './validate'
import type { ValidOrder } from './validate'

export interface ImportRequest {
  partner: string
  body: string
}

export interface ImportResponse {
  status: 200 | 400 | 422
  body: Record<string, unknown>
}

const MAX_BATCH = 500
const KNOWN_PARTNERS = new Set(['marketly'])

/**
 * POST /partners/:partner/orders. A batch is all-or-nothing: if any record is invalid,
 * nothing is imported and the partner gets every problem back so they can resend.
 */
export function handleOrderImport(store: OrderStore, request: ImportRequest): ImportResponse {
  if (!KNOWN_PARTNERS.has(request.partner)) {
    return { status: 400, body: { error: `unknown partner "${request.partner}"` } }
  }

  let records: unknown
  try {
    records = JSON.parse(request.body)
  } catch {
    return { status: 400, body: { error: 'body is not valid JSON' } }
  }
  if (!Array.isArray(records) || records.length === 0 || records.length > MAX_BATCH) {
    return { status: 400, body: { error: `body must be a JSON array of 1 to ${MAX_BATCH} orders` } }
  }

  const valid: ValidOrder[] = []
  const rejected: { index: number; orderId: unknown; errors: string[] }[] = []
  records.forEach((record, index) => {
    const result = validateOrderRecord(record)
    if (result.ok) valid.push(result.order)
    else rejected.push({ index, orderId: (record as { order_id?: unknown } | null)?.order_id, errors: result.errors })
  })

  if (rejected.length > 0) {
    return { status: 422, body: { error: 'invalid records; nothing was imported', rejected } }
  }

  const result = store.importOrders(request.partner, valid)
  return { status: 200, body: { received: records.length, imported: result.imported, duplicates: result.duplicates } }
}
