import { LOW_BALANCE_WARNING } from '../config';
import { type CardRegistry } from '../cards/cards';
import { TopUpRejectedError, balanceOf, formatEuros, topUp, topUpHeadroom } from '../cards/purse';
import { log } from '../log';

export type AccountSummary = {
  cardId: string;
  balance: string;
  /** Shown next to the top-up field: "You can add up to €…". */
  canAddUpTo: string;
  lowBalance: boolean;
  tripsToday: number;
};

export type AddCreditResult = { ok: true; balance: string } | { ok: false; error: string };

function startOfUtcDay(at: number): number {
  return at - (at % 86_400_000);
}

export function createAccountService(registry: CardRegistry, now: () => number = Date.now) {
  return {
    summary(cardId: string): AccountSummary {
      const card = registry.require(cardId);
      const today = startOfUtcDay(now());
      return {
        cardId,
        balance: formatEuros(balanceOf(card)),
        canAddUpTo: formatEuros(topUpHeadroom(card)),
        lowBalance: balanceOf(card) < LOW_BALANCE_WARNING,
        tripsToday: card.trips.filter((trip) => trip.at >= today).length,
      };
    },

    /** Online top-up; the amount comes from the form in euros and cents. */
    addCredit(cardId: string, amount: number): AddCreditResult {
      const card = registry.require(cardId);
      if (card.status === 'blocked') return { ok: false, error: 'This card is blocked' };
      try {
        const balance = topUp(card, amount);
        log.info('top-up', { card: cardId, amount: formatEuros(amount), balance: formatEuros(balance) });
        return { ok: true, balance: formatEuros(balance) };
      } catch (error) {
        if (!(error instanceof TopUpRejectedError)) throw error;
        log.warn('top-up rejected', { card: cardId, amount: formatEuros(amount), reason: error.message });
        return { ok: false, error: error.message };
      }
    },
  };
}
