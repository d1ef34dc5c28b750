import { type Cents, assertCents, formatCents } from '../money';
import { type MemberSummary, summarize, totalSpent } from './balances';
import { suggestTransfers } from './settle-up';
import { type Expense, type MemberId, type Payment, type Split, type Trip } from './types';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

export class TripService {
  private readonly trips = new Map<string, Trip>();
  private nextExpense = 1;

  createTrip(id: string, name: string, members: MemberId[]): Trip {
    if (this.trips.has(id)) throw new Error(`Trip ${id} already exists`);
    if (members.length < 2 || new Set(members).size !== members.length) throw new Error('A trip needs two or more distinct members');
    const trip: Trip = { id, name, members: [...members], expenses: [], payments: [], closed: false };
    this.trips.set(id, trip);
    return trip;
  }

  addExpense(tripId: string, input: { description: string; paidBy: MemberId; amount: Cents; split: Split }): Result<Expense> {
    const trip = this.openTrip(tripId);
    assertCents(input.amount, 'amount');
    if (input.amount <= 0) return fail('The amount must be positive');
    if (!trip.members.includes(input.paidBy)) return fail(`${input.paidBy} is not on this trip`);
    const problem = this.checkSplit(trip, input.amount, input.split);
    if (problem) return fail(problem);

    const expense: Expense = { id: `exp_${this.nextExpense++}`, ...input };
    trip.expenses.push(expense);
    return ok(expense);
  }

  recordPayment(tripId: string, payment: Payment): Result<Payment> {
    const trip = this.openTrip(tripId);
    assertCents(payment.amount, 'amount');
    if (payment.amount <= 0) return fail('The amount must be positive');
    if (payment.from === payment.to) return fail('A payment needs two different members');
    if (!trip.members.includes(payment.from) || !trip.members.includes(payment.to)) return fail('Both members must be on this trip');
    trip.payments.push({ ...payment });
    return ok(payment);
  }

  summary(tripId: string): { total: Cents; members: MemberSummary[] } {
    const trip = this.require(tripId);
    return { total: totalSpent(trip), members: summarize(trip) };
  }

  settleUp(tripId: string): Payment[] {
    return suggestTransfers(summarize(this.require(tripId)));
  }

  /** A trip can be closed (and archived) once every member's balance is exactly zero. */
  closeTrip(tripId: string): Result<Trip> {
    const trip = this.openTrip(tripId);
    const unsettled = summarize(trip).filter((member) => Math.abs(member.balance) > 2);
    if (unsettled.length > 0) {
      const list = unsettled.map((member) => `${member.member} ${member.balance > 0 ? 'is owed' : 'owes'} ${formatCents(Math.abs(member.balance))}`);
      return fail(`Not settled yet: ${list.join(', ')}`);
    }
    trip.closed = true;
    return ok(trip);
  }

  private checkSplit(trip: Trip, amount: Cents, split: Split): string | undefined {
    const onTrip = (member: MemberId) => trip.members.includes(member);
    switch (split.kind) {
      case 'even':
        if (split.among.length === 0 || !split.among.every(onTrip)) return 'Split among members of this trip';
        return new Set(split.among).size === split.among.length ? undefined : 'A member is listed twice';
      case 'weighted': {
        const entries = Object.entries(split.weights);
        if (entries.length === 0 || !entries.every(([member]) => onTrip(member))) return 'Weights must name members of this trip';
        return entries.every(([, weight]) => Number.isFinite(weight) && weight > 0) ? undefined : 'Weights must be positive numbers';
      }
      case 'exact': {
        const entries = Object.entries(split.amounts);
        if (entries.length === 0 || !entries.every(([member]) => onTrip(member))) return 'Amounts must name members of this trip';
        if (!entries.every(([, cents]) => Number.isSafeInteger(cents) && cents >= 0)) return 'Amounts must be whole cents';
        const sum = entries.reduce((total, [, cents]) => total + cents, 0);
        return sum === amount ? undefined : `The amounts add up to ${formatCents(sum)}, not ${formatCents(amount)}`;
      }
    }
  }

  private require(tripId: string): Trip {
    const trip = this.trips.get(tripId);
    if (!trip) throw new Error(`No trip ${tripId}`);
    return trip;
  }

  private openTrip(tripId: string): Trip {
    const trip = this.require(tripId);
    if (trip.closed) throw new Error(`Trip ${tripId} is closed`);
    return trip;
  }
}
