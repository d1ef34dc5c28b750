import { describe, it, expect } from 'vitest';
import { newFlights, world } from '../visible/world';

describe('who may manage a trip', () => {
  // Stated in src/access/delegations.js: "applies from `from` until it is revoked."
  // Stated in src/access/policy.js: "A booking belongs to the employee who travels on it"
  it('stops a former assistant from cancelling a trip she booked for her old boss', () => {
    const { bookings, store, audit } = world();
    expect(bookings.cancel('u-marta', 'bk-4471', 'no longer needed')).toEqual({ status: 403, message: 'you cannot manage this booking' });
    expect(bookings.changeFlights('u-marta', 'bk-4471', newFlights).status).toBe(403);
    expect(store.get('bk-4471').status).toBe('confirmed');
    expect(audit.map((entry) => entry.outcome)).toEqual(['denied', 'denied']);
  });

  // Stated in src/access/policy.js: "and by anyone that person"
  it('lets the current assistant manage every trip of the person they book for', () => {
    const { bookings } = world();
    expect(bookings.changeFlights('u-liam', 'bk-4471', newFlights).status).toBe(200);
    expect(bookings.cancel('u-liam', 'bk-4490', 'meeting cancelled').status).toBe(200);
  });

  // Stated in src/access/policy.js: "A booking belongs to the employee who travels on it"
  it('lets travellers cancel their own trips whoever booked them', () => {
    const { bookings } = world();
    expect(bookings.cancel('u-erik', 'bk-4471', 'trip postponed').status).toBe(200);
    expect(bookings.cancel('u-jonas', 'bk-4502', 'sick').status).toBe(200);
    expect(bookings.changeFlights('u-marta', 'bk-4510', [{ flight: 'SK1472', from: 'OSL', to: 'CPH', departAt: '2026-01-23T18:05:00Z' }]).status).toBe(200);
  });

  // Stated in src/access/policy.js: "Travel admins may also manage every booking of"
  it('keeps travel admins to their own company', () => {
    const { bookings } = world();
    expect(bookings.cancel('u-petra', 'bk-4502', 'test').status).toBe(403);
    expect(bookings.changeFlights('u-sofia', 'bk-4471', newFlights).status).toBe(200);
  });

  // Stated in src/access/policy.js: "currently delegates the matching scope to"
  it('does not let an expenses-only delegate touch travel', () => {
    const { bookings, delegations, expenses } = world();
    delegations.grant({ principalId: 'u-erik', delegateId: 'u-jonas', scope: 'expenses', from: Date.parse('2026-01-02T00:00:00Z') });
    expect(bookings.changeFlights('u-jonas', 'bk-4471', newFlights).status).toBe(403);
    expect(bookings.myTrips('u-jonas').map((trip) => trip.id)).toEqual(['bk-4502']);
    const report = expenses.draft('u-erik', 'Q1');
    expect(expenses.addLine('u-jonas', report.id, { label: 'Parking', amountCents: 1_200 }).status).toBe(200);
  });
});
