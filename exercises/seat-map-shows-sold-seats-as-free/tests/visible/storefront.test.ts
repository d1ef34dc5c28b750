import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createTicketingApp } from '../../src/app'
import { type EventListing } from '../../src/box-office/inventory'
import { SeatUnavailableError } from '../../src/box-office/boxOffice'

function palmHouseJazz(): EventListing {
  return {
    id: 'evt_2231',
    title: 'Jazz at the Palm House',
    startsAt: '2026-01-17T19:30:00Z',
    prices: { A: 4900, B: 3500, C: 2200 },
    layout: {
      venueId: 'palm-house',
      sections: [
        { id: 'stalls', name: 'Stalls', tier: 'A', rows: { E: 12, F: 14 } },
        { id: 'circle', name: 'Circle', tier: 'B', rows: { A: 10, B: 10 } },
        { id: 'gallery', name: 'Gallery', tier: 'C', rows: { A: 8 } },
      ],
    },
  }
}

const statusOf = (map: { seats: { id: string; status: string }[] }, id: string) => map.seats.find((seat) => seat.id === id)?.status

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-09T18:02:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('storefront seat map', () => {
  it('lists every seat of a section with its tier price', () => {
    const { seatMaps } = createTicketingApp([palmHouseJazz()])
    const map = seatMaps.sectionMap('evt_2231', 'stalls')
    expect(map.seats).toHaveLength(26)
    expect(map.freeCount).toBe(26)
    expect(map.seats[0]).toEqual({ id: 'stalls-E-1', row: 'E', number: 1, status: 'free', priceCents: 4900 })
  })

  it('counts seats left on the event page after a sale', () => {
    const { seatMaps, boxOffice } = createTicketingApp([palmHouseJazz()])
    expect(seatMaps.availability('evt_2231').freeSeats).toBe(54)

    boxOffice.sell('evt_2231', ['stalls-F-11', 'stalls-F-12'], 'cus_4410')

    expect(seatMaps.availability('evt_2231')).toMatchObject({ freeSeats: 52, bySection: { stalls: 24, circle: 20, gallery: 8 } })
  })

  it('shows seats sold a moment ago as sold to the next visitor', async () => {
    const { seatMaps, boxOffice } = createTicketingApp([palmHouseJazz()])
    // Someone browses the stalls, then another customer buys two seats there.
    expect(statusOf(seatMaps.sectionMap('evt_2231', 'stalls'), 'stalls-F-11')).toBe('free')
    boxOffice.sell('evt_2231', ['stalls-F-11', 'stalls-F-12'], 'cus_4410')

    await vi.advanceTimersByTimeAsync(40_000)
    const map = seatMaps.sectionMap('evt_2231', 'stalls')

    expect(statusOf(map, 'stalls-F-11')).toBe('sold')
    expect(statusOf(map, 'stalls-F-12')).toBe('sold')
    expect(map.freeCount).toBe(24)
  })

  it('refuses to sell a seat twice', () => {
    const { boxOffice } = createTicketingApp([palmHouseJazz()])
    boxOffice.sell('evt_2231', ['circle-B-4'], 'cus_4410')
    expect(() => boxOffice.sell('evt_2231', ['circle-B-3', 'circle-B-4'], 'cus_5521')).toThrow(SeatUnavailableError)
  })

  it('charges the face value of each seat', () => {
    const { boxOffice } = createTicketingApp([palmHouseJazz()])
    const sale = boxOffice.sell('evt_2231', ['stalls-E-3', 'gallery-A-1'], 'cus_4410')
    expect(sale.totalCents).toBe(4900 + 2200)
  })
})
