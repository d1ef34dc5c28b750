import { parseAmountCents } from '../money'

/**
 * Marketly order feed ("orders.v2"). One JSON object per order; every value is a string.
 *
 *   order_id     Marketly's order number, decimal digits (up to 20)
 *   placed_at    ISO-8601 timestamp with a UTC offset
 *   currency     "EUR"
 *   lines[]      1 to 50 lines:
 *     sku          our SKU, e.g. "TEA-0042"
 *     quantity     whole number of units, 1 to 999
 *     unit_price   EUR amount with at most two decimals, e.g. "4.5" or "4.50"
 */
export interface OrderLine {
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface ValidOrder {
  externalId: string
  placedAt: string
  lines: OrderLine[]
}

export type ValidationResult = { ok: true; order: ValidOrder } | { ok: false; errors: string[] }

const MAX_LINES = 50
const MAX_QUANTITY = 999
const SKU_PATTERN = /^[A-Z]{2,5}-\d{4}$/
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A whole number sent as text, e.g. "12"; null when the text is not one. */
function wholeNumber(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const n = Number(value)
  return Number.isInteger(n) ? n : null
}

function parseOrderId(value: unknown, errors: string[]): string | null {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value) || /^0+$/.test(value)) {
    errors.push(`order_id must be a positive whole number, got "${String(value)}"`)
    return null
  }
  return value
}

function parsePlacedAt(value: unknown, errors: string[]): string | null {
  if (typeof value !== 'string' || !TIMESTAMP_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    errors.push(`placed_at must be an ISO-8601 timestamp with an offset, got "${String(value)}"`)
    return null
  }
  return new Date(value).toISOString()
}

function parseQuantity(value: unknown, field: string, errors: string[]): number | null {
  const quantity = wholeNumber(value)
  if (quantity === null || quantity < 1 || quantity > MAX_QUANTITY) {
    errors.push(`${field} must be a whole number from 1 to ${MAX_QUANTITY}, got "${String(value)}"`)
    return null
  }
  return quantity
}

function parseLine(raw: unknown, index: number, errors: string[]): OrderLine | null {
  const at = `lines[${index}]`
  if (!isRecord(raw)) {
    errors.push(`${at} must be an object`)
    return null
  }
  const before = errors.length
  const sku = typeof raw.sku === 'string' && SKU_PATTERN.test(raw.sku) ? raw.sku : null
  if (sku === null) errors.push(`${at}.sku must look like "TEA-0042", got "${String(raw.sku)}"`)
  const quantity = parseQuantity(raw.quantity, `${at}.quantity`, errors)
  const unitPriceCents = typeof raw.unit_price === 'string' ? parseAmountCents(raw.unit_price) : null
  if (unitPriceCents === null) errors.push(`${at}.unit_price must be an amount like "4.50", got "${String(raw.unit_price)}"`)
  if (errors.length > before) return null
  return { sku: sku!, quantity: quantity!, unitPriceCents: unitPriceCents! }
}

/** Checks one record of a Marketly batch and converts it to our order shape. */
export function validateOrderRecord(raw: unknown): ValidationResult {
  if (!isRecord(raw)) return { ok: false, errors: ['record must be a JSON object'] }
  const errors: string[] = []

  const externalId = parseOrderId(raw.order_id, errors)
  const placedAt = parsePlacedAt(raw.placed_at, errors)
  if (raw.currency !== 'EUR') errors.push(`currency must be "EUR", got "${String(raw.currency)}"`)

  const lines: OrderLine[] = []
  if (!Array.isArray(raw.lines) || raw.lines.length === 0 || raw.lines.length > MAX_LINES) {
    errors.push(`lines must be a list of 1 to ${MAX_LINES} order lines`)
  } else {
    raw.lines.forEach((line, index) => {
      const parsed = parseLine(line, index, errors)
      if (parsed) lines.push(parsed)
    })
  }

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, order: { externalId: externalId!, placedAt: placedAt!, lines } }
}
