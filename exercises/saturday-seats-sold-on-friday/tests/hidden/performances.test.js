import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { clearVenues, getVenue, registerVenue, seatCount } from '../../src/venues/venues';
import { clearEvents, createEvent, setBandPrice } from '../../src/events/events';
import { availability, findSeat } from '../../src/booking/seats';
import { confirm, reserve, reserveSeats } from '../../src/booking/checkout';

const CAPACITY = 5 * 12 + 2 * 20;

function cornExchange() {
  registerVenue({
    id: 'corn-exchange',
    name: 'Corn Exchange',
    timeZone: 'Europe/London',
    sections: [
      { id: 'FLR', name: 'Floor', band: 'gold', rows: ['A', 'B', 'C', 'D', 'E'], seatsPerRow: 12, accessibleSeats: ['E1', 'E12'] },
      { id: 'GAL', name: 'Gallery', band: 'silver', rows: ['A', 'B'], seatsPerRow: 20 },
    ],
    pricing: { gold: { priceCents: 4_800, label: 'Gold' }, silver: { priceCents: 2_900, label: 'Silver' } },
  });
}

function sell(eventId, refs, cartId) {
  reserveSeats(eventId, refs, cartId);
  return confirm(eventId, cartId);
}

describe('performances at the same venue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    clearVenues();
    clearEvents();
    cornExchange();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "Each performance has its own seat map and its own prices"
  it('sells the same seat once for each performance', () => {
    const shows = ['2026-04-09T19:00:00Z', '2026-04-10T19:00:00Z', '2026-04-11T14:00:00Z'].map((startsAt) => createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt }));
    expect(sell(shows[0].id, ['FLR-C6', 'FLR-C7'], 'c1')).toEqual(['FLR-C6', 'FLR-C7']);
    expect(sell(shows[1].id, ['FLR-C6'], 'c2')).toEqual(['FLR-C6']);
    expect(sell(shows[2].id, ['FLR-C7', 'GAL-A1'], 'c3')).toEqual(['FLR-C7', 'GAL-A1']);
    expect(shows.map((show) => availability(show).available)).toEqual([CAPACITY - 2, CAPACITY - 1, CAPACITY - 2]);
    expect(findSeat(shows[0], 'FLR-C6').status).toBe('sold');
    expect(findSeat(shows[0], 'FLR-C7').status).toBe('sold');
    expect(findSeat(shows[1], 'FLR-C7').status).toBe('available');
    expect(findSeat(shows[2], 'FLR-C6').status).toBe('available');
  });

  // Stated in README.md: "selling a seat or changing a price for one performance never changes the venue or another performance"
  it('starts a performance scheduled after sales with every seat available', () => {
    const first = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-09T19:00:00Z' });
    sell(first.id, ['FLR-A1', 'FLR-A2', 'GAL-B20'], 'c1');
    reserve(first.id, { sectionId: 'FLR', quantity: 4, cartId: 'c2' });
    const added = createEvent({ venueId: 'corn-exchange', title: 'Folk Night (extra date)', startsAt: '2026-04-12T19:00:00Z' });
    expect(availability(added).available).toBe(CAPACITY);
    expect(reserve(added.id, { sectionId: 'FLR', quantity: 4, cartId: 'c3' }).seats).toEqual(['FLR-A5', 'FLR-A6', 'FLR-A7', 'FLR-A8']);
  });

  // Stated in README.md: "selling a seat or changing a price for one performance never changes the venue or another performance"
  it('changes a price for one performance only', () => {
    const evening = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-09T19:00:00Z' });
    const matinee = createEvent({ venueId: 'corn-exchange', title: 'Folk Night (family matinee)', startsAt: '2026-04-11T14:00:00Z' });
    setBandPrice(matinee.id, 'gold', 2_000);
    const later = createEvent({ venueId: 'corn-exchange', title: 'Folk Night (extra date)', startsAt: '2026-04-12T19:00:00Z' });
    expect(reserveSeats(matinee.id, ['FLR-B3'], 'm').totalCents).toBe(2_000);
    expect(reserveSeats(evening.id, ['FLR-B3'], 'e').totalCents).toBe(4_800);
    expect(reserveSeats(later.id, ['FLR-B3'], 'l').totalCents).toBe(4_800);
    expect(getVenue('corn-exchange').pricing.gold.priceCents).toBe(4_800);
  });

  // Stated in README.md: "The venue page shows the venue's seat plan with every seat available"
  it("keeps the venue's own seat plan untouched by sales and holds", () => {
    const show = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-09T19:00:00Z' });
    sell(show.id, ['FLR-D4', 'FLR-D5'], 'c1');
    reserveSeats(show.id, ['GAL-A10'], 'c2');
    const venue = getVenue('corn-exchange');
    expect(seatCount(venue)).toBe(CAPACITY);
    expect(venue.sections.flatMap((section) => section.rows.flatMap((row) => row.seats)).every((seat) => seat.status === 'available')).toBe(true);
  });

  // Stated in README.md: "Each performance has its own seat map and its own prices"
  it("lets one performance's expired hold go without touching another's", () => {
    const friday = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-10T19:00:00Z' });
    const saturday = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-11T19:00:00Z' });
    reserveSeats(friday.id, ['GAL-A5'], 'early');
    vi.advanceTimersByTime(8 * 60_000);
    reserveSeats(saturday.id, ['GAL-A5'], 'late');
    vi.advanceTimersByTime(4 * 60_000);
    expect(() => confirm(saturday.id, 'late')).not.toThrow();
    expect(findSeat(saturday, 'GAL-A5').status).toBe('sold');
    expect(reserveSeats(friday.id, ['GAL-A5'], 'again').seats).toEqual(['GAL-A5']);
  });

  // Stated in README.md: "Each performance has its own seat map and its own prices"
  it("gives each performance the venue's full layout, accessible seats included", () => {
    const show = createEvent({ venueId: 'corn-exchange', title: 'Folk Night', startsAt: '2026-04-09T19:00:00Z' });
    expect(show.sections.map((section) => [section.id, section.rows.length, section.rows[0].seats.length])).toEqual([
      ['FLR', 5, 12],
      ['GAL', 2, 20],
    ]);
    expect(findSeat(show, 'FLR-E12').accessible).toBe(true);
    expect(findSeat(show, 'FLR-D12').accessible).toBe(false);
  });
});
