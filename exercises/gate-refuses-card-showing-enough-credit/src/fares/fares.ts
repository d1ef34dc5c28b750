import { TARIFF, TRANSFER_WINDOW_MINUTES, type RiderType } from '../config';
import { type Card } from '../cards/cards';

export type FareQuote = { fare: number; transfer: boolean };

export function singleFare(riderType: RiderType, zones: number): number {
  const fare = TARIFF[riderType][zones - 1];
  if (!Number.isInteger(zones) || fare === undefined) throw new RangeError(`No fare for ${zones} zone(s)`);
  return fare;
}

/**
 * What boarding now costs. Within 60 minutes of the last paid boarding, a trip over no
 * more zones than were paid for is a free transfer; anything else is a new single fare.
 */
export function quoteBoarding(card: Card, zones: number, at: number): FareQuote {
  const fare = singleFare(card.riderType, zones);
  const last = card.lastPaidBoarding;
  if (last && at - last.at <= TRANSFER_WINDOW_MINUTES * 60_000 && zones <= last.zones) {
    return { fare: 0, transfer: true };
  }
  return { fare, transfer: false };
}
