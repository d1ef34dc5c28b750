import { MAX_WEIGHT_KG } from '../rating/tariff'
import { type Zone, zoneOf } from '../rating/zones'
import { readDecimal, readText } from './cells'

/**
 * Parcel manifest format ("manifest v3"), as published in the shipper docs. One parcel per
 * line, cells separated by ";", with this header line first:
 *
 *   reference;recipient;country;postcode;weight_kg;value_eur;contents
 *
 *   reference   the shipper's reference, 3 to 20 letters, digits, "-" or "_", unique per manifest
 *   recipient   name of the recipient
 *   country     two-letter country code (ISO 3166-1), of a country we ship to
 *   postcode    as written on the label
 *   weight_kg   weight in kilograms, more than 0 and at most 31.5, e.g. "2.5" or "12"
 *   value_eur   declared value in euros, e.g. "49.90" or "0"
 *   contents    free text for the customs declaration
 *
 * Numbers are plain decimals: digits, optionally followed by "." and more digits ("0.85",
 * "12", "49.90"); no thousands separators, no units, no signs. A row we cannot read exactly
 * is returned to the shipper with its line number; we never guess.
 */
export const MANIFEST_HEADER = ['reference', 'recipient', 'country', 'postcode', 'weight_kg', 'value_eur', 'contents']

export type Parcel = {
  line: number
  reference: string
  recipient: string
  country: string
  zone: Zone
  postcode: string
  weightKg: number
  valueCents: number
  contents: string
}

export type RowProblem = { line: number; reference: string | null; errors: string[] }

export type RowResult = { ok: true; parcel: Parcel } | { ok: false; problem: RowProblem }

const REFERENCE = /^[A-Za-z0-9_-]{3,20}$/
const WEIGHT = /^\d{1,2}(\.\d{1,3})?$/
const AMOUNT = /^\d{1,7}(\.\d{1,2})?$/

/** The cell's number if its text is written in the given pattern, else null. */
function exactly(pattern: RegExp, cell: string): number | null {
  const text = cell.trim()
  return pattern.test(text) ? readDecimal(text) : null
}

export function readParcelRow(cells: string[], line: number): RowResult {
  const errors: string[] = []
  if (cells.length !== MANIFEST_HEADER.length) {
    errors.push(`expected ${MANIFEST_HEADER.length} cells, found ${cells.length}`)
    return { ok: false, problem: { line, reference: readText(cells[0]), errors } }
  }
  const [referenceCell, recipientCell, countryCell, postcodeCell, weightCell, valueCell, contentsCell] = cells as [string, string, string, string, string, string, string]

  const reference = readText(referenceCell)
  if (reference === null || !REFERENCE.test(reference)) errors.push('reference must be 3 to 20 letters, digits, "-" or "_"')
  const recipient = readText(recipientCell)
  if (recipient === null) errors.push('recipient is missing')
  const country = (readText(countryCell) ?? '').toUpperCase()
  const zone = zoneOf(country)
  if (!zone) errors.push(`we do not ship to country "${country}"`)
  const postcode = readText(postcodeCell)
  if (postcode === null) errors.push('postcode is missing')

  const weightKg = exactly(WEIGHT, weightCell)
  if (weightKg === null) errors.push(`weight_kg "${weightCell}" is not a number of kilograms`)
  else if (weightKg <= 0) errors.push(`weight_kg must be more than 0, got ${weightKg}`)
  else if (weightKg > MAX_WEIGHT_KG) errors.push(`weight_kg must be at most ${MAX_WEIGHT_KG}, got ${weightKg}`)

  const value = exactly(AMOUNT, valueCell)
  if (value === null) errors.push(`value_eur "${valueCell}" is not an amount in euros`)
  else if (value < 0) errors.push(`value_eur must not be negative, got ${value}`)

  if (errors.length > 0) return { ok: false, problem: { line, reference, errors } }
  return {
    ok: true,
    parcel: {
      line,
      reference: reference!,
      recipient: recipient!,
      country,
      zone: zone!,
      postcode: postcode!,
      weightKg: weightKg!,
      valueCents: Math.round(value! * 100),
      contents: readText(contentsCell) ?? '',
    },
  }
}
