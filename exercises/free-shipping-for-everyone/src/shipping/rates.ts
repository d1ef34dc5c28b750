export type Zone = 'domestic' | 'eu' | 'world'
export type ShippingMethod = 'standard' | 'express'

export const HOME_COUNTRY = 'DE'

const EU_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE',
  'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
])

export function zoneFor(country: string): Zone {
  const code = country.trim().toUpperCase()
  if (code === HOME_COUNTRY) return 'domestic'
  return EU_COUNTRIES.has(code) ? 'eu' : 'world'
}

/** Parcel prices in cents by weight band: up to 2 kg, up to 10 kg, heavier. */
const PARCEL_RATES: Record<Zone, Record<ShippingMethod, [number, number, number]>> = {
  domestic: { standard: [495, 695, 1190], express: [1290, 1490, 1990] },
  eu: { standard: [990, 1490, 2490], express: [2490, 2990, 3990] },
  world: { standard: [1990, 2990, 4990], express: [3990, 4990, 6990] },
}

/** Two-person freight surcharge per order with bulky items; no freight outside the EU. */
const FREIGHT_SURCHARGE: Record<Zone, number | null> = { domestic: 2900, eu: 4900, world: null }

export function baseRateCents(zone: Zone, method: ShippingMethod, weightGrams: number, bulky: boolean): number | null {
  const bands = PARCEL_RATES[zone][method]
  const parcel = weightGrams <= 2000 ? bands[0] : weightGrams <= 10000 ? bands[1] : bands[2]
  if (!bulky) return parcel
  const surcharge = FREIGHT_SURCHARGE[zone]
  return surcharge === null ? null : parcel + surcharge
}
