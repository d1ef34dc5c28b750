import { describe, it, expect } from 'vitest';
import { newFlights, world } from './world';

describe('managing trips', () => {
  it('lets a traveller move their own flight, even one their assistant booked', () => {
    const { bookings, store } = world();
    const response = bookings.changeFlights('u-erik', 'bk-4471', newFlights);
    expect(response.status).toBe(200);
    expect(store.get('bk-4471').segments[0].flight).toBe('LH869');
  });

  it('shows the assistant the trips of the person they book for', () => {
    const { bookings } = world();
    expect(bookings.myTrips('u-liam').map((trip) => trip.id).sort()).toEqual(['bk-4471', 'bk-4490']);
    expect(bookings.myTrips('u-marta').map((trip) => trip.id)).toEqual(['bk-4510']);
  });

  it('does not let an employee cancel a colleague’s trip', () => {
    const { bookings, store, audit } = world();
    expect(bookings.cancel('u-jonas', 'bk-4490', 'oops')).toEqual({ status: 403, message: 'you cannot manage this booking' });
    expect(store.get('bk-4490').status).toBe('confirmed');
    expect(audit).toEqual([{ at: '2026-01-05T10:00:00.000Z', actorId: 'u-jonas', action: 'cancel', bookingId: 'bk-4490', outcome: 'denied' }]);
  });

  it('lets the travel admin cancel any trip of the company', () => {
    const { bookings } = world();
    expect(bookings.cancel('u-sofia', 'bk-4490', 'meeting moved online')).toMatchObject({ status: 200, booking: { status: 'cancelled' } });
  });

  it('checks the new flights before changing a booking', () => {
    const { bookings } = world();
    expect(bookings.changeFlights('u-erik', 'bk-4490', [{ flight: 'SK815', from: 'Oslo', to: 'LHR', departAt: '2026-01-20T08:10:00Z' }])).toEqual({
      status: 400,
      message: 'bad airport code on SK815',
    });
  });
});

describe('expense reports', () => {
  it('lets the current assistant add expenses to the CEO’s report, and nobody else', () => {
    const { expenses } = world();
    const report = expenses.draft('u-erik', 'Frankfurt, January');
    expect(expenses.addLine('u-liam', report.id, { label: 'Taxi', amountCents: 4_250 }).status).toBe(200);
    expect(expenses.addLine('u-marta', report.id, { label: 'Dinner', amountCents: 9_900 }).status).toBe(403);
    expect(expenses.addLine('u-jonas', report.id, { label: 'Hotel', amountCents: 18_000 }).status).toBe(403);
  });
});
