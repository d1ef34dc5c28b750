import { describe, it, expect } from 'vitest'
import { createLog } from '../../src/log'
import { importManifest } from '../../src/manifest/importManifest'

const HEADER = 'reference;recipient;country;postcode;weight_kg;value_eur;contents'

function row(reference: string, weight: string, value = '25.00', country = 'DE') {
  return `${reference};Kim Lee;${country};01067;${weight};${value};Ceramics`
}

function load(...rows: string[]) {
  return importManifest([HEADER, ...rows].join('\n'), 'toepferei-hahn', createLog())
}

function errorsOnLine(result: ReturnType<typeof load>, line: number): string {
  return (result.rejected.find((problem) => problem.line === line)?.errors ?? []).join(' | ')
}

describe('numbers must be written exactly as the manifest format says', () => {
  // Stated in src/manifest/parcelRows.ts: "Numbers are plain decimals: digits, optionally followed by "." and more digits"
  // Stated in src/manifest/parcelRows.ts: "is returned to the shipper with its line number; we never guess."
  it('returns rows whose weight has a decimal comma to the shipper instead of guessing', () => {
    for (const weight of ['2,5', '0,85', '1,250', '12,4']) {
      const result = load(row('TH-1', '3.0'), row('TH-2', weight))
      expect({ weight, labels: result.labels.map((label) => label.reference) }).toEqual({ weight, labels: ['TH-1'] })
      expect(errorsOnLine(result, 3)).toMatch(/weight_kg/)
    }
  })

  // Stated in src/manifest/parcelRows.ts: "no thousands separators, no units, no signs"
  it('returns rows whose weight carries a unit, a sign or another notation', () => {
    for (const weight of ['5lb', '2.5kg', '2.5 kg', '1e1', '+2', '3.2.1']) {
      const result = load(row('TH-3', weight))
      expect({ weight, labels: result.labels }).toEqual({ weight, labels: [] })
      expect(errorsOnLine(result, 2)).toMatch(/weight_kg/)
    }
  })

  // Stated in src/manifest/parcelRows.ts: "no thousands separators, no units, no signs"
  it('returns rows whose declared value has separators or a currency', () => {
    for (const value of ['1.299,00', '1,299.00', '49,90', '1 299.00', '€49.90', '49.90 EUR']) {
      const result = load(row('TH-4', '1.0', value), row('TH-5', '1.0', '49.90'))
      expect({ value, labels: result.labels.map((label) => [label.reference, label.declaredValueCents]) }).toEqual({ value, labels: [['TH-5', 4990]] })
      expect(errorsOnLine(result, 2)).toMatch(/value_eur/)
    }
  })
})

describe('plain decimals are read exactly', () => {
  // Stated in src/manifest/parcelRows.ts: "weight in kilograms, more than 0 and at most 31.5, e.g. "2.5" or "12""
  it('prices plain weights in the right band, edges included', () => {
    const result = load(row('E-1', '0.85'), row('E-2', '2'), row('E-3', '2.001'), row('E-4', '12'), row('E-5', '31.5'), row('E-6', '0.1'))
    expect(result.rejected).toEqual([])
    expect(result.labels.map((label) => [label.reference, label.weightKg, label.band])).toEqual([
      ['E-1', 0.85, '0-2 kg'],
      ['E-2', 2, '0-2 kg'],
      ['E-3', 2.001, '2-5 kg'],
      ['E-4', 12, '10-20 kg'],
      ['E-5', 31.5, '20-31.5 kg'],
      ['E-6', 0.1, '0-2 kg'],
    ])
  })

  // Stated in src/rating/tariff.ts: "Parcels declared above this value travel insured"
  it('insures by the declared value as written', () => {
    const result = load(row('V-1', '1.0', '500.00'), row('V-2', '1.0', '500.01'), row('V-3', '1.0', '1299'), row('V-4', '1.0', '0'))
    expect(result.labels.map((label) => [label.reference, label.declaredValueCents, label.insured])).toEqual([
      ['V-1', 50000, false],
      ['V-2', 50001, true],
      ['V-3', 129900, true],
      ['V-4', 0, false],
    ])
  })

  // Stated in src/manifest/parcelRows.ts: "weight in kilograms, more than 0 and at most 31.5"
  it('still refuses weights of zero, over the limit or missing', () => {
    const result = load(row('Z-1', '0'), row('Z-2', '31.6'), row('Z-3', ''), row('Z-4', '1.5'))
    expect(result.labels.map((label) => label.reference)).toEqual(['Z-4'])
    expect(result.rejected.map((problem) => problem.line)).toEqual([2, 3, 4])
  })

  // Stated in src/manifest/importManifest.ts: "unreadable rows are returned to the shipper and do not block the others"
  it('bills only the rows it could read exactly', () => {
    const result = load(row('M-1', '2,5', '49,90'), row('M-2', '4', '35'), row('M-3', '12,4', '1.299,00', 'NL'), row('M-4', '1.5', '12.00'))
    expect(result.labels.map((label) => label.reference)).toEqual(['M-2', 'M-4'])
    expect(result.rejected.map((problem) => problem.line)).toEqual([2, 4])
    expect(result.totalCents).toBe(690 + 490)
  })
})
