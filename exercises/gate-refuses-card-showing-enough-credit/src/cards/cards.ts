import { type RiderType } from '../config';

export type CardStatus = 'active' | 'blocked';

export type Boarding = {
  at: number;
  validatorId: string;
  zones: number;
  /** What this boarding cost, in euros (0 for a transfer). */
  charged: number;
};

export type Card = {
  id: string;
  riderType: RiderType;
  /** Stored value in euros. */
  balance: number;
  status: CardStatus;
  /** The last boarding that was paid for; free transfers are measured from it. */
  lastPaidBoarding?: Boarding;
  trips: Boarding[];
};

export class UnknownCardError extends Error {
  constructor(cardId: string) {
    super(`Unknown card ${cardId}`);
    this.name = 'UnknownCardError';
  }
}

export class CardRegistry {
  private readonly cards = new Map<string, Card>();

  issue(id: string, riderType: RiderType): Card {
    if (!/^TC-\d{6}$/.test(id)) throw new Error(`Card ids look like TC-000123, got ${id}`);
    if (this.cards.has(id)) throw new Error(`Card ${id} already issued`);
    const card: Card = { id, riderType, balance: 0, status: 'active', trips: [] };
    this.cards.set(id, card);
    return card;
  }

  find(id: string): Card | undefined {
    return this.cards.get(id);
  }

  require(id: string): Card {
    const card = this.cards.get(id);
    if (!card) throw new UnknownCardError(id);
    return card;
  }

  block(id: string): void {
    this.require(id).status = 'blocked';
  }
}
