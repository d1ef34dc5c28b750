import { type Cents } from '../money';
import { sharesOf } from './split';
import { type MemberId, type Trip } from './types';

export type MemberSummary = {
  member: MemberId;
  /** What the member paid for the group. */
  paid: Cents;
  /** The member's part of everything the group spent. */
  share: Cents;
  /** Settle-up payments: sent adds to the balance, received takes from it. */
  sent: Cents;
  received: Cents;
  /** Positive: the group owes the member; negative: the member owes the group. */
  balance: Cents;
};

export function summarize(trip: Trip): MemberSummary[] {
  const rows = new Map<MemberId, MemberSummary>();
  for (const member of trip.members) rows.set(member, { member, paid: 0, share: 0, sent: 0, received: 0, balance: 0 });
  const row = (member: MemberId): MemberSummary => {
    const found = rows.get(member);
    if (!found) throw new Error(`${member} is not a member of trip ${trip.id}`);
    return found;
  };

  for (const expense of trip.expenses) {
    row(expense.paidBy).paid += expense.amount;
    for (const [member, share] of sharesOf(expense)) row(member).share += share;
  }
  for (const payment of trip.payments) {
    row(payment.from).sent += payment.amount;
    row(payment.to).received += payment.amount;
  }
  for (const summary of rows.values()) {
    summary.balance = summary.paid - summary.share + summary.sent - summary.received;
  }
  return [...rows.values()];
}

export function totalSpent(trip: Trip): Cents {
  return trip.expenses.reduce((sum, expense) => sum + expense.amount, 0);
}
