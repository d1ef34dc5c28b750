import { type Log } from '../log'
import { priceParcel } from '../rating/tariff'
import { type Zone } from '../rating/zones'
import { parseDelimited } from './delimited'
import { MANIFEST_HEADER, type RowProblem, readParcelRow } from './parcelRows'

export type Label = {
  reference: string
  line: number
  country: string
  zone: Zone
  weightKg: number
  declaredValueCents: number
  band: string
  insured: boolean
  totalCents: number
}

export type ManifestResult = {
  shipper: string
  labels: Label[]
  /** Rows returned to the shipper to correct and upload again. */
  rejected: RowProblem[]
  totalCents: number
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ManifestError'
  }
}

export const MAX_PARCELS = 2_000

/**
 * Imports a shipper's manifest: every readable row gets a label bought from the carrier
 * at our tariff; unreadable rows are returned to the shipper and do not block the others.
 */
export function importManifest(text: string, shipper: string, log: Log): ManifestResult {
  const [header, ...rows] = parseDelimited(text)
  if (!header || header.map((cell) => cell.trim().toLowerCase()).join(';') !== MANIFEST_HEADER.join(';')) {
    throw new ManifestError(`first line must be the header ${MANIFEST_HEADER.join(';')}`)
  }
  if (rows.length > MAX_PARCELS) throw new ManifestError(`a manifest holds at most ${MAX_PARCELS} parcels`)

  const labels: Label[] = []
  const rejected: RowProblem[] = []
  const seen = new Set<string>()
  rows.forEach((cells, index) => {
    const line = index + 2
    const result = readParcelRow(cells, line)
    if (!result.ok) {
      rejected.push(result.problem)
      return
    }
    const parcel = result.parcel
    if (seen.has(parcel.reference)) {
      rejected.push({ line, reference: parcel.reference, errors: [`reference ${parcel.reference} appears twice`] })
      return
    }
    seen.add(parcel.reference)
    const price = priceParcel(parcel.zone, parcel.weightKg, parcel.valueCents)
    labels.push({
      reference: parcel.reference,
      line,
      country: parcel.country,
      zone: parcel.zone,
      weightKg: parcel.weightKg,
      declaredValueCents: parcel.valueCents,
      band: price.band,
      insured: price.insuranceCents > 0,
      totalCents: price.totalCents,
    })
  })

  const totalCents = labels.reduce((sum, label) => sum + label.totalCents, 0)
  log.info('manifest.imported', { shipper, labels: labels.length, rejected: rejected.length, totalCents })
  for (const problem of rejected) log.warn('manifest.row_rejected', { shipper, line: problem.line, errors: problem.errors.join('; ') })
  return { shipper, labels, rejected, totalCents }
}
