import { MAX_BALANCE, MIN_TOP_UP } from '../config';
import { type Card } from './cards';

export class InsufficientFundsError extends Error {
  readonly balance: number;
  readonly fare: number;
  constructor(balance: number, fare: number) {
    super(`Balance ${formatEuros(balance)} does not cover ${formatEuros(fare)}`);
    this.name = 'InsufficientFundsError';
    this.balance = balance;
    this.fare = fare;
  }
}

export class TopUpRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopUpRejectedError';
  }
}

export function formatEuros(amount: number): string {
  return `€${amount.toFixed(2)}`;
}

/** Converts a euro amount from the tariff or a form into whole cents. */
export function cents(euros: number): number {
  return Math.round(euros * 100);
}

export function balanceOf(card: Card): number {
  return card.balanceCents / 100;
}

/** How much the card can take right now without going over the €150.00 it may hold. */
export function topUpHeadroom(card: Card): number {
  return (cents(MAX_BALANCE) - card.balanceCents) / 100;
}

/** Adds stored value. Returns the new balance. */
export function topUp(card: Card, amount: number): number {
  if (!Number.isFinite(amount) || amount < MIN_TOP_UP) {
    throw new TopUpRejectedError(`The minimum top-up is ${formatEuros(MIN_TOP_UP)}`);
  }
  if (card.balanceCents + cents(amount) > cents(MAX_BALANCE)) {
    throw new TopUpRejectedError(`A card holds at most ${formatEuros(MAX_BALANCE)}`);
  }
  card.balanceCents += cents(amount);
  return balanceOf(card);
}

/** Takes a fare off the card; a card never goes below zero. Returns the new balance. */
export function pay(card: Card, fare: number): number {
  if (card.balanceCents < cents(fare)) throw new InsufficientFundsError(balanceOf(card), fare);
  card.balanceCents -= cents(fare);
  return balanceOf(card);
}
