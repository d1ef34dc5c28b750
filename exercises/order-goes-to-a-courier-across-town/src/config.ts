export const DISPATCH = {
  /** Couriers farther than this from the restaurant are not offered the order. */
  maxPickupMeters: 4_000,
  /** A courier whose last location ping is older than this is treated as offline. */
  pingFreshForMs: 90_000,
  /** The width of one distance step when ranking couriers (see ranking.ts). */
  distanceStepMeters: 250,
  /** How long a courier has to accept an offer before it goes to the next one. */
  offerTimeoutMs: 45_000,
  /** Orders with more items than this need a scooter or a car. */
  maxItemsByBike: 6,
} as const;
