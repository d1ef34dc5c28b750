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
  if (Math.abs(a.distanceM - b.distanceM) >= DISTANCE_STEP) return a.distanceM - b.distanceM;
  if (a.courier.rating !== b.courier.rating) return b.courier.rating - a.courier.rating;
  return a.distanceM - b.distanceM;
}

type RankKey = [step: number, negativeRating: number, distanceM: number];

function byKey(a: RankKey, b: RankKey): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Ranks by a precomputed key (distance step, best rating, distance), compared field by field. */
export function rankCandidates(couriers: readonly Courier[], pickup: LatLng): Candidate[] {
  return couriers
    .map((courier) => {
      const distanceM = distanceMeters(pickup, courier.position);
      const key: RankKey = [Math.floor(distanceM / DISTANCE_STEP), -courier.rating, distanceM];
      return { candidate: { courier, distanceM }, key };
    })
    .sort((a, b) => byKey(a.key, b.key))
    .map((entry) => entry.candidate);
}
