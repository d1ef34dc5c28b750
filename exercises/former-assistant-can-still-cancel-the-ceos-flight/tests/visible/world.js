import { Directory } from '../../src/people/directory';
import { DelegationRegistry } from '../../src/access/delegations';
import { createPolicy } from '../../src/access/policy';
import { BookingStore } from '../../src/bookings/booking-store';
import { createBookingService } from '../../src/bookings/booking-service';
import { createExpenseReports } from '../../src/expenses/expense-reports';

export const NOW = Date.parse('2026-01-05T10:00:00.000Z');
const at = (iso) => Date.parse(iso);

/**
 * Nordlys Energy: Erik (CEO), Marta (his assistant until 12 December), Liam (his assistant
 * since then), Sofia (travel admin), Jonas (engineer).
 * Baltic Freight, another customer: Petra (travel admin).
 */
export function world() {
  const directory = new Directory();
  directory.add({ id: 'u-erik', name: 'Erik', company: 'nordlys', role: 'employee' });
  directory.add({ id: 'u-marta', name: 'Marta', company: 'nordlys', role: 'employee' });
  directory.add({ id: 'u-liam', name: 'Liam', company: 'nordlys', role: 'employee' });
  directory.add({ id: 'u-sofia', name: 'Sofia', company: 'nordlys', role: 'travel-admin' });
  directory.add({ id: 'u-jonas', name: 'Jonas', company: 'nordlys', role: 'employee' });
  directory.add({ id: 'u-petra', name: 'Petra', company: 'baltic', role: 'travel-admin' });

  const delegations = new DelegationRegistry();
  const martaTravel = delegations.grant({ principalId: 'u-erik', delegateId: 'u-marta', scope: 'travel', from: at('2025-06-01T00:00:00Z') });
  const martaExpenses = delegations.grant({ principalId: 'u-erik', delegateId: 'u-marta', scope: 'expenses', from: at('2025-06-01T00:00:00Z') });
  delegations.revoke(martaTravel.id, at('2025-12-12T17:00:00Z'));
  delegations.revoke(martaExpenses.id, at('2025-12-12T17:00:00Z'));
  delegations.grant({ principalId: 'u-erik', delegateId: 'u-liam', scope: 'travel', from: at('2025-12-12T17:00:00Z') });
  delegations.grant({ principalId: 'u-erik', delegateId: 'u-liam', scope: 'expenses', from: at('2025-12-12T17:00:00Z') });

  const store = new BookingStore();
  const flight = (flightNo, from, to, departAt) => ({ flight: flightNo, from, to, departAt });
  store.add({ id: 'bk-4471', reference: 'QX7T2L', passengerId: 'u-erik', ownerId: 'u-marta', segments: [flight('LH867', 'OSL', 'FRA', '2026-01-14T06:55:00Z')], status: 'confirmed', history: ['booked by u-marta'] });
  store.add({ id: 'bk-4490', reference: 'RM2K9P', passengerId: 'u-erik', ownerId: 'u-erik', segments: [flight('SK815', 'OSL', 'LHR', '2026-01-20T08:10:00Z')], status: 'confirmed', history: ['booked by u-erik'] });
  store.add({ id: 'bk-4502', reference: 'TT8W3D', passengerId: 'u-jonas', ownerId: 'u-sofia', segments: [flight('DY1302', 'OSL', 'BGO', '2026-01-09T07:00:00Z')], status: 'confirmed', history: ['booked by u-sofia'] });
  store.add({ id: 'bk-4510', reference: 'VB4N6C', passengerId: 'u-marta', ownerId: 'u-marta', segments: [flight('SK1470', 'OSL', 'CPH', '2026-01-23T16:05:00Z')], status: 'confirmed', history: ['booked by u-marta'] });

  const policy = createPolicy({ directory, delegations });
  const audit = [];
  const now = () => NOW;
  return {
    store,
    audit,
    delegations,
    bookings: createBookingService({ store, policy, delegations, audit, now }),
    expenses: createExpenseReports({ policy, now }),
  };
}

export const newFlights = [{ flight: 'LH869', from: 'OSL', to: 'FRA', departAt: '2026-01-14T10:40:00Z' }];
