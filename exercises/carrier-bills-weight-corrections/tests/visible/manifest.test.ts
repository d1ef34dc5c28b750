import { describe, it, expect } from 'vitest'
import { createLog } from '../../src/log'
import { importManifest } from '../../src/manifest/importManifest'

const HEADER = 'reference;recipient;country;postcode;weight_kg;value_eur;contents'

// Brauhaus Kessler's upload of Tuesday 6 January, as their shop system exported it.
const KESSLER = [
  HEADER,
  'KES-0187;Anna Roth;DE;10115;2,5;49,90;Craft beer gift box',
  'KES-0188;Jonas Weber;AT;1010;0,85;19,00;Beer glasses',
  'KES-0189;Mila Novak;CZ;11000;4;35;Brewing yeast',
  'KES-0190;Lars Berg;DK;2100;5,2;89,00;Hop pellets',
  'KES-0191;Eva Schulz;DE;04109;1.5;12.00;Bottle caps',
  'KES-0192;Pieter de Vries;NL;1012;12,4;1.299,00;Home brewing kit',
].join('\n')

// What the carrier's scales measured at the hub.
const MEASURED_KG: Record<string, number> = {
  'KES-0187': 2.5,
  'KES-0188': 0.85,
  'KES-0189': 4,
  'KES-0190': 5.2,
  'KES-0191': 1.5,
  'KES-0192': 12.4,
}

describe('manifest import', () => {
  it('prices a well-formed manifest by zone and weight band', () => {
    const manifest = [
      HEADER,
      'NL-5531;Sara Lind;DE;20095;0.4;18.00;Candles',
      'NL-5532;Tom Beck;FR;75011;3.25;64.50;Candles and holders',
      'NL-5533;Ines Moura;PT;1100-148;9.8;640.00;Candle-making set',
    ].join('\n')

    const result = importManifest(manifest, 'nordlicht-candles', createLog())

    expect(result.rejected).toEqual([])
    expect(result.labels.map((label) => [label.reference, label.band, label.totalCents])).toEqual([
      ['NL-5531', '0-2 kg', 490],
      ['NL-5532', '2-5 kg', 1390],
      ['NL-5533', '5-10 kg', 2490 + 640],
    ])
    expect(result.totalCents).toBe(490 + 1390 + 2490 + 640)
  })

  it('never buys a label for a weight other than the parcel has', () => {
    const result = importManifest(KESSLER, 'brauhaus-kessler', createLog())

    expect(result.labels.length).toBeGreaterThan(0)
    for (const label of result.labels) {
      expect({ reference: label.reference, weightKg: label.weightKg }).toEqual({ reference: label.reference, weightKg: MEASURED_KG[label.reference] })
    }
  })

  it('returns rows it cannot read with their line number and imports the rest', () => {
    const manifest = [
      HEADER,
      'OK-1;Ada Kim;DE;80331;1.2;10.00;Books',
      'BAD-2;;DE;80331;1.2;10.00;Books',
      'BAD-3;Ben Ode;US;10001;1.2;10.00;Books',
      'OK-4;Cem Aydin;AT;8010;2.0;20.00;Books',
    ].join('\n')

    const result = importManifest(manifest, 'leseratte', createLog())

    expect(result.labels.map((label) => label.reference)).toEqual(['OK-1', 'OK-4'])
    expect(result.rejected).toEqual([
      { line: 3, reference: 'BAD-2', errors: ['recipient is missing'] },
      { line: 4, reference: 'BAD-3', errors: ['we do not ship to country "US"'] },
    ])
  })

  it('reads quoted cells that contain the delimiter', () => {
    const manifest = [HEADER, 'Q-77;"Müller; Sohn GmbH";DE;50667;7;120.00;"Tools; ""heavy"""'].join('\r\n')

    const result = importManifest(manifest, 'werkbank', createLog())

    expect(result.labels).toHaveLength(1)
    expect(result.labels[0]).toMatchObject({ reference: 'Q-77', weightKg: 7, band: '5-10 kg', totalCents: 990 })
  })
})
