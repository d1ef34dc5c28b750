import { type Cents } from '../money';

export type MemberId = string;

/**
 * How an expense is shared:
 * - even: equally among the listed members;
 * - weighted: in proportion to each member's weight (nights stayed, people in the party, ...);
 * - exact: the payer typed in each member's amount.
 * Whatever the kind, shares are whole cents and add up to the amount of the expense, and
 * no member's share is more than a cent away from their exact portion of it.
 */
export type Split =
  | { kind: 'even'; among: MemberId[] }
  | { kind: 'weighted'; weights: Record<MemberId, number> }
  | { kind: 'exact'; amounts: Record<MemberId, Cents> };

export type Expense = {
  id: string;
  description: string;
  paidBy: MemberId;
  amount: Cents;
  split: Split;
};

/** Money handed from one member to another to settle up. */
export type Payment = { from: MemberId; to: MemberId; amount: Cents };

export type Trip = {
  id: string;
  name: string;
  members: MemberId[];
  expenses: Expense[];
  payments: Payment[];
  closed: boolean;
};
