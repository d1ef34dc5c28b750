import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { clearVenues, registerVenue } from '../../src/venues/venues';
import { clearEvents, createEvent, setBandPrice } from '../../src/events/events';
import { availability } from '../../src/booking/seats';
import { renderSeatMap } from '../../src/booking/seat-map';
import { confirm, reserve, reserveSeats, SeatsUnavailable } from '../../src/booking/checkout';

function lyricTheatre() {
  registerVenue({
    id: 'lyric',
    name: 'Lyric Theatre',
    timeZone: 'Europe/London',
    sections: [
      { id: 'STL', name: 'Stalls', band: 'premium', rows: ['A', 'B', 'C', 'D', 'E', 'F'], seatsPerRow: 16, accessibleSeats: ['F1', 'F16'] },
      { id: 'DC', name: 'Dress Circle', band: 'standard', rows: ['A', 'B', 'C'], seatsPerRow: 14 },
      { id: 'BAL', name: 'Balcony', band: 'value', rows: ['A', 'B'], seatsPerRow: 18 },
    ],
    pricing: { premium: { priceCents: 6_500, label: 'Premium' }, standard: { priceCents: 4_500, label: 'Standard' }, value: { priceCents: 2_500, label: 'Value' } },
  });
}

describe('box office', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
    clearVenues();
    clearEvents();
    lyricTheatre();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("leaves Saturday's seats alone when seats are sold for Friday", () => {
    const friday = createEvent({ venueId: 'lyric', title: 'The Tempest', startsAt: '2026-02-13T19:30:00Z' });
    const saturday = createEvent({ venueId: 'lyric', title: 'The Tempest', startsAt: '2026-02-14T14:30:00Z' });

    reserveSeats(friday.id, ['STL-F7', 'STL-F8', 'STL-F9'], 'cart-1');
    confirm(friday.id, 'cart-1');

    expect(availability(friday).available).toBe(96 + 42 + 36 - 3);
    expect(availability(saturday).available).toBe(96 + 42 + 36);
    expect(() => reserveSeats(saturday.id, ['STL-F8'], 'cart-2')).not.toThrow();
  });

  it('picks the best seats side by side, front row first, near the middle', () => {
    const friday = createEvent({ venueId: 'lyric', title: 'The Tempest', startsAt: '2026-02-13T19:30:00Z' });
    const first = reserve(friday.id, { sectionId: 'DC', quantity: 4, cartId: 'cart-1' });
    const second = reserve(friday.id, { sectionId: 'DC', quantity: 4, cartId: 'cart-2' });

    expect(first).toMatchObject({ seats: ['DC-A6', 'DC-A7', 'DC-A8', 'DC-A9'], totalCents: 18_000 });
    expect(second.seats).toEqual(['DC-A2', 'DC-A3', 'DC-A4', 'DC-A5']);
  });

  it('gives held seats back when the customer does not pay in time', () => {
    const friday = createEvent({ venueId: 'lyric', title: 'The Tempest', startsAt: '2026-02-13T19:30:00Z' });
    reserveSeats(friday.id, ['BAL-A9', 'BAL-A10'], 'cart-1');
    expect(() => reserveSeats(friday.id, ['BAL-A10'], 'cart-2')).toThrow(SeatsUnavailable);

    vi.advanceTimersByTime(11 * 60_000);

    expect(reserveSeats(friday.id, ['BAL-A10'], 'cart-2').seats).toEqual(['BAL-A10']);
    expect(() => confirm(friday.id, 'cart-1')).toThrow(SeatsUnavailable);
  });

  it("charges the promoter's price for a performance", () => {
    const matinee = createEvent({ venueId: 'lyric', title: 'The Tempest (schools matinee)', startsAt: '2026-02-18T10:30:00Z' });
    setBandPrice(matinee.id, 'premium', 1_500);

    expect(reserveSeats(matinee.id, ['STL-C5', 'STL-C6'], 'cart-9').totalCents).toBe(3_000);
  });

  it('draws the seat map with sold and held seats', () => {
    const friday = createEvent({ venueId: 'lyric', title: 'The Tempest', startsAt: '2026-02-13T19:30:00Z' });
    reserveSeats(friday.id, ['BAL-B1', 'BAL-B2'], 'cart-1');
    confirm(friday.id, 'cart-1');
    reserveSeats(friday.id, ['BAL-B3'], 'cart-2');

    expect(renderSeatMap(friday, { sectionId: 'BAL' })).toBe(['[BAL] Balcony', 'A oooooooooooooooooo', 'B xxhooooooooooooooo'].join('\n'));
  });
});
