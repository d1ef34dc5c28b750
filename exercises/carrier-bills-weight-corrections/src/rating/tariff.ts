import { type Zone } from './zones'

/** Upper weight limit (inclusive, kg) of each band and its price per zone, in cents. */
const BANDS: { upToKg: number; cents: Record<Zone, number> }[] = [
  { upToKg: 2, cents: { domestic: 490, 'eu-near': 990, 'eu-far': 1290, 'non-eu': 1690 } },
  { upToKg: 5, cents: { domestic: 690, 'eu-near': 1390, 'eu-far': 1790, 'non-eu': 2390 } },
  { upToKg: 10, cents: { domestic: 990, 'eu-near': 1890, 'eu-far': 2490, 'non-eu': 3290 } },
  { upToKg: 20, cents: { domestic: 1490, 'eu-near': 2790, 'eu-far': 3590, 'non-eu': 4690 } },
  { upToKg: 31.5, cents: { domestic: 1990, 'eu-near': 3690, 'eu-far': 4790, 'non-eu': 6190 } },
]

export const MAX_WEIGHT_KG = 31.5

/** Parcels declared above this value travel insured: 1 % of the value, at least €2.50. */
export const INSURE_ABOVE_CENTS = 50_000
const INSURANCE_RATE = 0.01
const MIN_INSURANCE_CENTS = 250

export type Price = { band: string; baseCents: number; insuranceCents: number; totalCents: number }

export function priceParcel(zone: Zone, weightKg: number, valueCents: number): Price {
  const index = BANDS.findIndex((band) => weightKg <= band.upToKg)
  if (index < 0) throw new RangeError(`no band for ${weightKg} kg`)
  const band = BANDS[index]!
  const from = index === 0 ? 0 : BANDS[index - 1]!.upToKg
  const baseCents = band.cents[zone]
  const insuranceCents = valueCents > INSURE_ABOVE_CENTS ? Math.max(MIN_INSURANCE_CENTS, Math.round(valueCents * INSURANCE_RATE)) : 0
  return { band: `${from}-${band.upToKg} kg`, baseCents, insuranceCents, totalCents: baseCents + insuranceCents }
}
