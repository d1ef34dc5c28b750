import { describe, it, expect } from 'vitest';
import { TripService } from '../../src/trips/trip-service';
import { type Split } from '../../src/trips/types';

function tripWith(members: string[]) {
  const service = new TripService();
  service.createTrip('trip', 'Test trip', members);
  return service;
}

function add(service: TripService, paidBy: string, amount: number, split: Split) {
  const result = service.addExpense('trip', { description: 'expense', paidBy, amount, split });
  if (!result.ok) throw new Error(result.error);
}

function sharesAfterOne(members: string[], amount: number, weights: Record<string, number>): Record<string, number> {
  const service = tripWith(members);
  add(service, members[0]!, amount, { kind: 'weighted', weights });
  return Object.fromEntries(service.summary('trip').members.map((m) => [m.member, m.share]));
}

function payEverythingSuggested(service: TripService) {
  for (const transfer of service.settleUp('trip')) {
    const result = service.recordPayment('trip', transfer);
    if (!result.ok) throw new Error(result.error);
  }
}

// A small deterministic generator (mulberry32), so each run plays the same trips.
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

describe('weighted splits', () => {
  const cases: Array<[number, Record<string, number>]> = [
    [143_00, { a: 1, b: 1, c: 1 }],
    [61_76, { a: 1, b: 1, c: 1 }],
    [100_00, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 }],
    [611_00, { a: 4, b: 4, c: 3, d: 2 }],
    [99_99, { a: 2, b: 3, c: 2 }],
    [1, { a: 1, b: 1, c: 1 }],
    [250_05, { a: 1.5, b: 2.5, c: 1 }],
  ];
  // Stated in src/trips/types.ts: "Whatever the kind, shares are whole cents and add up to the amount of the expense"
  it('shares an expense by weight so that the shares add up to the amount', () => {
    for (const [amount, weights] of cases) {
      const shares = sharesAfterOne(Object.keys(weights), amount, weights);
      const values = Object.values(shares);
      expect(values.every((share) => Number.isInteger(share))).toBe(true);
      expect({ amount, weights, total: values.reduce((sum, share) => sum + share, 0) }).toEqual({ amount, weights, total: amount });
    }
  });

  // Stated in src/trips/types.ts: "no member's share is more than a cent away from their exact portion of it"
  it('keeps every share within a cent of the member’s exact portion', () => {
    const probes: Array<[number, Record<string, number>]> = [
      [10_04, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 }],
      [10_03, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 }],
      [77_77, { a: 3, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1 }],
      [5_00, { a: 2, b: 2, c: 2, d: 2, e: 2, f: 2, g: 2, h: 2, i: 2, j: 1 }],
    ];
    for (const [amount, weights] of probes) {
      const shares = sharesAfterOne(Object.keys(weights), amount, weights);
      const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
      for (const [member, weight] of Object.entries(weights)) {
        const exact = (amount * weight) / total;
        expect(Math.abs((shares[member] ?? 0) - exact)).toBeLessThan(1);
      }
      expect(Object.values(shares).reduce((sum, share) => sum + share, 0)).toBe(amount);
    }
  });
});

describe('even splits', () => {
  // Stated in src/trips/split.ts: "when the amount does not divide evenly, the first members listed pay one cent more"
  it('still lets the first members listed pay the odd cents', () => {
    const service = tripWith(['p', 'q', 'r', 's']);
    add(service, 's', 10_03, { kind: 'even', among: ['q', 'p', 's', 'r'] });
    const shares = Object.fromEntries(service.summary('trip').members.map((m) => [m.member, m.share]));
    expect(shares).toEqual({ q: 251, p: 251, s: 251, r: 250 });
  });
});

describe('settling up and closing', () => {
  // Stated in src/trips/trip-service.ts: "A trip can be closed (and archived) once every member's balance is exactly zero."
  // Stated in src/trips/settle-up.ts: "Suggests who pays whom so that everyone ends at zero"
  it('closes every trip once the suggested transfers are paid', () => {
    const next = generator(20_260_105);
    const everyone = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fay'];
    for (let round = 0; round < 30; round++) {
      const members = everyone.slice(0, 2 + next(5));
      const service = tripWith(members);
      for (let e = 0; e < 2 + next(8); e++) {
        const amount = 1 + next(40_000);
        const paidBy = members[next(members.length)]!;
        const among = members.filter(() => next(3) > 0);
        const group = among.length > 0 ? among : members;
        const split: Split =
          next(2) === 0 ? { kind: 'even', among: group } : { kind: 'weighted', weights: Object.fromEntries(group.map((m) => [m, 1 + next(4)])) };
        add(service, paidBy, amount, split);
      }
      const before = service.summary('trip');
      expect(before.members.reduce((sum, m) => sum + m.share, 0)).toBe(before.total);
      expect(before.members.reduce((sum, m) => sum + m.balance, 0)).toBe(0);

      payEverythingSuggested(service);
      expect(service.summary('trip').members.map((m) => m.balance)).toEqual(members.map(() => 0));
      expect(service.closeTrip('trip')).toMatchObject({ ok: true });
    }
  });

  // Stated in src/trips/trip-service.ts: "A trip can be closed (and archived) once every member's balance is exactly zero."
  it('refuses to close while a single cent is owed', () => {
    const service = tripWith(['ana', 'ben']);
    add(service, 'ana', 1, { kind: 'exact', amounts: { ben: 1 } });
    expect(service.closeTrip('trip')).toEqual({ ok: false, error: 'Not settled yet: ana is owed €0.01, ben owes €0.01' });
    payEverythingSuggested(service);
    expect(service.closeTrip('trip')).toMatchObject({ ok: true });
  });

  // Stated in src/trips/settle-up.ts: "Suggests who pays whom so that everyone ends at zero"
  it('leaves nobody owing anything after a trip with a three-way car split', () => {
    const service = tripWith(['ana', 'ben', 'chloe', 'dev']);
    add(service, 'chloe', 143_00, { kind: 'weighted', weights: { ana: 1, ben: 1, chloe: 1 } });
    add(service, 'dev', 52_30, { kind: 'even', among: ['ana', 'ben', 'chloe', 'dev'] });
    payEverythingSuggested(service);
    expect(service.settleUp('trip')).toEqual([]);
    expect(service.summary('trip').members.filter((m) => m.balance !== 0)).toEqual([]);
  });
});
