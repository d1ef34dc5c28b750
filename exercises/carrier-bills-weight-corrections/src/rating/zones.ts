export type Zone = 'domestic' | 'eu-near' | 'eu-far' | 'non-eu'

// We ship from Leipzig. Countries we do not list here we do not ship to.
const ZONE_OF_COUNTRY: Record<string, Zone> = {
  DE: 'domestic',
  AT: 'eu-near', BE: 'eu-near', CZ: 'eu-near', DK: 'eu-near', FR: 'eu-near', LU: 'eu-near', NL: 'eu-near', PL: 'eu-near',
  ES: 'eu-far', FI: 'eu-far', GR: 'eu-far', IE: 'eu-far', IT: 'eu-far', PT: 'eu-far', SE: 'eu-far',
  CH: 'non-eu', GB: 'non-eu', NO: 'non-eu',
}

export function zoneOf(country: string): Zone | undefined {
  return ZONE_OF_COUNTRY[country]
}
