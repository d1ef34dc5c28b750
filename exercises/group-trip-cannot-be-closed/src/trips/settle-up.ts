import { type Cents } from '../money';
import { type MemberSummary } from './balances';
import { type MemberId, type Payment } from './types';

type Position = { member: MemberId; amount: Cents };

function largestFirst(a: Position, b: Position): number {
  return b.amount - a.amount || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
}

/**
 * Suggests who pays whom so that everyone ends at zero: the largest debtor pays the
 * largest creditor as much as one of them needs, repeatedly. This needs at most
 * (members - 1) transfers and usually fewer.
 */
export function suggestTransfers(summaries: readonly MemberSummary[]): Payment[] {
  const debtors: Position[] = summaries.filter((s) => s.balance < 0).map((s) => ({ member: s.member, amount: -s.balance }));
  const creditors: Position[] = summaries.filter((s) => s.balance > 0).map((s) => ({ member: s.member, amount: s.balance }));
  const transfers: Payment[] = [];

  while (debtors.length > 0 && creditors.length > 0) {
    debtors.sort(largestFirst);
    creditors.sort(largestFirst);
    const debtor = debtors[0] as Position;
    const creditor = creditors[0] as Position;
    const amount = Math.min(debtor.amount, creditor.amount);
    transfers.push({ from: debtor.member, to: creditor.member, amount });
    debtor.amount -= amount;
    creditor.amount -= amount;
    if (debtor.amount === 0) debtors.shift();
    if (creditor.amount === 0) creditors.shift();
  }
  return transfers;
}
