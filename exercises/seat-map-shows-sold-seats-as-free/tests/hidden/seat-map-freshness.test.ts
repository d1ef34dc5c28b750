import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createTicketingApp } from '../../src/app'
import { type EventListing } from '../../src/box-office/inventory'

function listing(id: string, title: string): EventListing {
  return {
    id,
    title,
    startsAt: '2026-02-20T20:00:00Z',
    prices: { A: 6500, B: 4200, C: 1800 },
    layout: {
      venueId: 'old-mill',
      sections: [
        { id: 'floor', name: 'Floor', tier: 'A', rows: { A: 6, B: 6, C: 6 } },
        { id: 'balcony', name: 'Balcony', tier: 'B', rows: { A: 5, B: 5 } },
        { id: 'box1', name: 'Box 1', tier: 'C', rows: { A: 4 } },
      ],
    },
  }
}

function seatStates(map: { seats: { id: string; status: string }[] }): Record<string, string> {
  return Object.fromEntries(map.seats.map((seat) => [seat.id, seat.status]))
}

function soldIds(map: { seats: { id: string; status: string }[] }): string[] {
  return map.seats.filter((seat) => seat.status === 'sold').map((seat) => seat.id)
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-02T10:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('seat maps follow sales and refunds at once', () => {
  // Stated in README.md: "as soon as the sale is confirmed"
  it('shows seats as sold on a map viewed right after the sale', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night')])
    expect(soldIds(seatMaps.sectionMap('evt_9001', 'balcony'))).toEqual([])

    boxOffice.sell('evt_9001', ['balcony-A-2', 'balcony-B-5'], 'cus_1')

    const map = seatMaps.sectionMap('evt_9001', 'balcony')
    expect(soldIds(map)).toEqual(['balcony-A-2', 'balcony-B-5'])
    expect(map.freeCount).toBe(8)
  })

  // Stated in README.md: "as soon as the sale is confirmed"
  it('updates the map of every section an order touches', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night')])
    for (const section of ['floor', 'balcony', 'box1']) seatMaps.sectionMap('evt_9001', section)

    boxOffice.sell('evt_9001', ['floor-C-1', 'box1-A-4', 'balcony-A-1'], 'cus_2')

    expect(soldIds(seatMaps.sectionMap('evt_9001', 'floor'))).toEqual(['floor-C-1'])
    expect(soldIds(seatMaps.sectionMap('evt_9001', 'balcony'))).toEqual(['balcony-A-1'])
    expect(soldIds(seatMaps.sectionMap('evt_9001', 'box1'))).toEqual(['box1-A-4'])
  })

  // Stated in README.md: "Refunded seats go back on sale and must show as free again"
  it('shows refunded seats as free again straight away', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night')])
    const sale = boxOffice.sell('evt_9001', ['floor-A-3', 'floor-A-4'], 'cus_3')
    expect(soldIds(seatMaps.sectionMap('evt_9001', 'floor'))).toEqual(['floor-A-3', 'floor-A-4'])

    boxOffice.refund(sale.orderId)

    const map = seatMaps.sectionMap('evt_9001', 'floor')
    expect(soldIds(map)).toEqual([])
    expect(map.freeCount).toBe(18)
  })

  // Stated in README.md: "as soon as the sale is confirmed"
  it('keeps two events with the same sections apart', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night'), listing('evt_9002', 'Folk Night')])
    seatMaps.sectionMap('evt_9001', 'floor')
    seatMaps.sectionMap('evt_9002', 'floor')

    boxOffice.sell('evt_9002', ['floor-B-2'], 'cus_4')

    expect(soldIds(seatMaps.sectionMap('evt_9002', 'floor'))).toEqual(['floor-B-2'])
    expect(soldIds(seatMaps.sectionMap('evt_9001', 'floor'))).toEqual([])
  })

  // Stated in README.md: "The event page's seat count is right"
  it('agrees with the event page after a run of sales and refunds', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night')])
    const first = boxOffice.sell('evt_9001', ['floor-A-1', 'floor-A-2'], 'cus_5')
    seatMaps.sectionMap('evt_9001', 'floor')
    boxOffice.sell('evt_9001', ['floor-B-1'], 'cus_6')
    seatMaps.sectionMap('evt_9001', 'floor')
    boxOffice.refund(first.orderId)
    boxOffice.sell('evt_9001', ['floor-A-2', 'floor-C-6'], 'cus_7')

    const map = seatMaps.sectionMap('evt_9001', 'floor')
    expect(seatStates(map)).toMatchObject({ 'floor-A-1': 'free', 'floor-A-2': 'sold', 'floor-B-1': 'sold', 'floor-C-6': 'sold' })
    expect(map.freeCount).toBe(seatMaps.availability('evt_9001').bySection.floor)
  })

  // Stated in README.md: "as soon as the sale is confirmed"
  it('never offers a seat on the map that checkout would refuse', () => {
    const { seatMaps, boxOffice } = createTicketingApp([listing('evt_9001', 'Brass Night')])
    const buyers = ['cus_a', 'cus_b', 'cus_c', 'cus_d']
    for (const buyer of buyers) {
      const free = seatMaps.sectionMap('evt_9001', 'balcony').seats.find((seat) => seat.status === 'free')
      expect(free).toBeDefined()
      expect(() => boxOffice.sell('evt_9001', [free!.id], buyer)).not.toThrow()
    }
    expect(seatMaps.sectionMap('evt_9001', 'balcony').freeCount).toBe(6)
  })
})
