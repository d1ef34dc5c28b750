export type RiderType = 'adult' | 'reduced';

/**
 * Single-ride fares in euros, exactly as published in the 2026 tariff, indexed by the
 * number of zones the trip crosses (1 to 3).
 */
export const TARIFF: Record<RiderType, readonly number[]> = {
  adult: [2.2, 3.4, 4.6],
  reduced: [1.1, 1.7, 2.3],
};

/** A paid ride lets the rider change vehicles for free for this long, within the zones paid for. */
export const TRANSFER_WINDOW_MINUTES = 60;

/** Top-ups at kiosks and online: at least €5.00, and a card holds at most €150.00. */
export const MIN_TOP_UP = 5;
export const MAX_BALANCE = 150;

/** Below this balance the validator and the account page remind the rider to top up. */
export const LOW_BALANCE_WARNING = 5;
