import { AccessDenied } from '../access/policy';
import { validateSegments } from './booking-store';

/**
 * The "My trips" screen and its actions. Everything the service does is written to the audit
 * log, including refusals.
 */
export function createBookingService({ store, policy, delegations, audit, now = Date.now }) {
  function load(bookingId) {
    const booking = store.get(bookingId);
    if (!booking) return { error: { status: 404, message: 'booking not found' } };
    return { booking };
  }

  function guarded(action, actorId, bookingId, apply) {
    const { booking, error } = load(bookingId);
    if (error) return error;
    try {
      policy.assertMayActFor(actorId, booking.passengerId, 'travel', now(), { kind: 'booking', id: booking.id });
    } catch (failure) {
      if (!(failure instanceof AccessDenied)) throw failure;
      audit.push({ at: new Date(now()).toISOString(), actorId, action, bookingId, outcome: 'denied' });
      return { status: 403, message: 'you cannot manage this booking' };
    }
    const result = apply(booking);
    audit.push({ at: new Date(now()).toISOString(), actorId, action, bookingId, outcome: result.status === 200 ? 'done' : 'refused' });
    return result;
  }

  return {
    /** The trips of the actor and of everyone who delegates their travel to the actor. */
    myTrips(actorId) {
      const passengers = [actorId, ...delegations.principalsOf(actorId, 'travel', now())];
      return store
        .forPassengers(passengers)
        .filter((booking) => booking.status === 'confirmed')
        .map((booking) => ({ id: booking.id, reference: booking.reference, passengerId: booking.passengerId, firstFlight: booking.segments[0] }));
    },

    changeFlights(actorId, bookingId, segments) {
      return guarded('change', actorId, bookingId, (booking) => {
        if (booking.status === 'cancelled') return { status: 409, message: 'booking is cancelled' };
        const problem = validateSegments(segments);
        if (problem) return { status: 400, message: problem };
        booking.segments = segments.map((segment) => ({ ...segment }));
        booking.history.push(`changed by ${actorId}`);
        return { status: 200, booking };
      });
    },

    cancel(actorId, bookingId, reason) {
      return guarded('cancel', actorId, bookingId, (booking) => {
        if (booking.status === 'cancelled') return { status: 409, message: 'booking is already cancelled' };
        booking.status = 'cancelled';
        booking.history.push(`cancelled by ${actorId}: ${reason}`);
        return { status: 200, booking };
      });
    },
  };
}
