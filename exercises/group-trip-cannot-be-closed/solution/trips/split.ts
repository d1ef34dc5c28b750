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
  const entries = Object.entries(weights);
  const totalWeight = entries.reduce((sum, [, weight]) => sum + weight, 0);
  // Round every share down, then hand out the cents that are left one by one, largest
  // remainder first, so the shares add up to the amount and each stays within a cent.
  const portions = entries.map(([member, weight], index) => {
    const exact = (amount * weight) / totalWeight;
    const cents = Math.floor(exact);
    return { member, index, cents, remainder: exact - cents };
  });
  let leftover = amount - portions.reduce((sum, portion) => sum + portion.cents, 0);
  const byRemainder = [...portions].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const portion of byRemainder) {
    if (leftover <= 0) break;
    portion.cents += 1;
    leftover--;
  }
  return new Map(portions.map((portion) => [portion.member, portion.cents]));
}
