export type PriceTier = 'A' | 'B' | 'C'

export type SectionLayout = {
  id: string
  name: string
  tier: PriceTier
  /** Row letter -> number of seats in that row, numbered from 1. */
  rows: Record<string, number>
}

export type VenueLayout = { venueId: string; sections: SectionLayout[] }

export type SeatRef = { sectionId: string; row: string; number: number }

const SEAT_ID = /^([a-z0-9]+)-([A-Z]{1,2})-(\d{1,3})$/

/** Seat ids look like "stalls-F-12": section id, row letter, seat number. */
export function seatId(seat: SeatRef): string {
  return `${seat.sectionId}-${seat.row}-${seat.number}`
}

export function parseSeatId(id: string): SeatRef {
  const match = SEAT_ID.exec(id)
  if (!match) throw new Error(`not a seat id: "${id}"`)
  return { sectionId: match[1]!, row: match[2]!, number: Number(match[3]) }
}

export function findSection(layout: VenueLayout, sectionId: string): SectionLayout | undefined {
  return layout.sections.find((section) => section.id === sectionId)
}

/** Every seat of a section, row by row, in seat-number order. */
export function seatsOf(section: SectionLayout): SeatRef[] {
  const seats: SeatRef[] = []
  for (const [row, count] of Object.entries(section.rows)) {
    for (let number = 1; number <= count; number++) seats.push({ sectionId: section.id, row, number })
  }
  return seats
}

export function hasSeat(layout: VenueLayout, seat: SeatRef): boolean {
  const section = findSection(layout, seat.sectionId)
  const rowSize = section?.rows[seat.row]
  return rowSize !== undefined && seat.number >= 1 && seat.number <= rowSize
}
