import { DISPATCH } from '../config';
import { type Courier } from '../fleet/fleet';
import { type LatLng, distanceMeters } from '../geo';

export type Order = {
  id: string;
  restaurant: { name: string; position: LatLng };
  items: number;
};

export type Exclusion = 'busy' | 'stale-location' | 'too-far' | 'vehicle' | 'declined';

/** Why a courier cannot be offered this order right now, or null if they can. */
export function exclusionFor(courier: Courier, order: Order, now: number, declined: ReadonlySet<string>): Exclusion | null {
  if (courier.status !== 'idle') return 'busy';
  if (declined.has(courier.id)) return 'declined';
  if (now - courier.lastPingAt > DISPATCH.pingFreshForMs) return 'stale-location';
  if (order.items > DISPATCH.maxItemsByBike && courier.vehicle === 'bike') return 'vehicle';
  if (distanceMeters(order.restaurant.position, courier.position) > DISPATCH.maxPickupMeters) return 'too-far';
  return null;
}
