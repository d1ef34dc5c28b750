import { LOW_BALANCE_WARNING } from '../config';
import { type Boarding, type CardRegistry } from '../cards/cards';
import { InsufficientFundsError, balanceOf, formatEuros, pay } from '../cards/purse';
import { quoteBoarding } from '../fares/fares';
import { log } from '../log';

export type TapResult =
  | { open: true; display: string; charged: number; transfer: boolean }
  | { open: false; display: string; reason: 'unknown-card' | 'blocked' | 'insufficient-funds' };

export type Validator = {
  id: string;
  /** The rider picks the number of zones on the screen, then taps. */
  tap(cardId: string, zones: number): TapResult;
};

export function createValidator(id: string, registry: CardRegistry, now: () => number = Date.now): Validator {
  return {
    id,
    tap(cardId, zones) {
      const card = registry.find(cardId);
      if (!card) {
        log.warn('tap refused', { validator: id, card: cardId, reason: 'unknown-card' });
        return { open: false, display: 'Card not recognised', reason: 'unknown-card' };
      }
      if (card.status === 'blocked') {
        log.warn('tap refused', { validator: id, card: cardId, reason: 'blocked' });
        return { open: false, display: 'Card blocked · please contact customer service', reason: 'blocked' };
      }

      const at = now();
      const quote = quoteBoarding(card, zones, at);
      let balance = balanceOf(card);
      if (quote.fare > 0) {
        try {
          balance = pay(card, quote.fare);
        } catch (error) {
          if (!(error instanceof InsufficientFundsError)) throw error;
          log.warn('tap refused', { validator: id, card: cardId, reason: 'insufficient-funds', balance: formatEuros(balanceOf(card)), fare: formatEuros(quote.fare) });
          return {
            open: false,
            display: `Insufficient funds · Balance ${formatEuros(balanceOf(card))} · Fare ${formatEuros(quote.fare)}`,
            reason: 'insufficient-funds',
          };
        }
      }

      const boarding: Boarding = { at, validatorId: id, zones, charged: quote.fare };
      card.trips.push(boarding);
      if (!quote.transfer) card.lastPaidBoarding = boarding;
      log.info('tap accepted', { validator: id, card: cardId, zones, charged: formatEuros(quote.fare), transfer: quote.transfer });

      const greeting = quote.transfer ? 'Transfer' : 'Have a good trip';
      const reminder = balance < LOW_BALANCE_WARNING ? ' · Please top up soon' : '';
      return { open: true, display: `${greeting} · Balance ${formatEuros(balance)}${reminder}`, charged: quote.fare, transfer: quote.transfer };
    },
  };
}
