import { type Cents } from '../money';
import { type Expense, type MemberId } from './types';

/** Each member's share of an expense, in cents (see Split for the rules). */
export function sharesOf(expense: Expense): Map<MemberId, Cents> {
  const split = expense.split;
  switch (split.kind) {
    case 'even':
      return evenShares(expense.amount, split.among);
    case 'weighted':
      return weightedShares(expense.amount, split.weights);
    case 'exact':
      return new Map(Object.entries(split.amounts));
  }
}

/** Equal shares; when the amount does not divide evenly, the first members listed pay one cent more. */
function evenShares(amount: Cents, among: MemberId[]): Map<MemberId, Cents> {
  const base = Math.floor(amount / among.length);
  let leftover = amount - base * among.length;
  const shares = new Map<MemberId, Cents>();
  for (const member of among) {
    shares.set(member, base + (leftover > 0 ? 1 : 0));
    leftover--;
  }
  return shares;
}

function weightedShares(amount: Cents, weights: Record<MemberId, number>): Map<MemberId, Cents> {
  const totalWeight = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const shares = new Map<MemberId, Cents>();
  for (const [member, weight] of Object.entries(weights)) {
    shares.set(member, Math.round((amount * weight) / totalWeight));
  }
  return shares;
}
