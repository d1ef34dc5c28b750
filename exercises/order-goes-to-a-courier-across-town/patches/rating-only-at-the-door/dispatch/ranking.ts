import { DISPATCH } from '../config';
import { type Courier } from '../fleet/fleet';
import { type LatLng, distanceMeters } from '../geo';

export type Candidate = { courier: Courier; distanceM: number };

const DISTANCE_STEP = DISPATCH.distanceStepMeters;

/**
 * Couriers are ranked by how far they are from the restaurant, counted in steps of
 * 250 m (0-249 m, 250-499 m, ...): a courier in a nearer step always ranks higher.
 * Within one step the better-rated courier ranks higher, and at equal ratings the
 * nearer one. Ops chose this so that a courier with poor ratings does not win every
 * order just by waiting on the restaurant's doorstep.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const atTheDoor = a.distanceM < DISTANCE_STEP && b.distanceM < DISTANCE_STEP;
  if (!atTheDoor) return a.distanceM - b.distanceM;
  if (a.courier.rating !== b.courier.rating) return b.courier.rating - a.courier.rating;
  return a.distanceM - b.distanceM;
}

export function rankCandidates(couriers: readonly Courier[], pickup: LatLng): Candidate[] {
  return couriers.map((courier) => ({ courier, distanceM: distanceMeters(pickup, courier.position) })).sort(compareCandidates);
}
