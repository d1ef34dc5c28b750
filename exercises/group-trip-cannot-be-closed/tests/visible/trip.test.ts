import { describe, it, expect } from 'vitest';
import { TripService } from '../../src/trips/trip-service';
import { parseAmount } from '../../src/money';

function lisbon() {
  const service = new TripService();
  service.createTrip('lisbon-26', 'Lisbon, January', ['ana', 'ben', 'chloe', 'dev']);
  const add = (description: string, paidBy: string, amount: string, split: Parameters<TripService['addExpense']>[1]['split']) => {
    const result = service.addExpense('lisbon-26', { description, paidBy, amount: parseAmount(amount), split });
    if (!result.ok) throw new Error(result.error);
  };
  add('Apartment, 4 nights', 'ana', '611.00', { kind: 'weighted', weights: { ana: 4, ben: 4, chloe: 3, dev: 2 } });
  add('Dinner at Zé da Mouraria', 'ben', '87.40', { kind: 'even', among: ['ana', 'ben', 'chloe', 'dev'] });
  add('Car to Sintra', 'chloe', '143.00', { kind: 'weighted', weights: { ana: 1, ben: 1, chloe: 1 } });
  add('Groceries', 'dev', '52.30', { kind: 'even', among: ['ana', 'ben', 'chloe', 'dev'] });
  add('Fado tickets', 'ana', '96.00', { kind: 'exact', amounts: { ana: 24_00, ben: 24_00, chloe: 24_00, dev: 24_00 } });
  add('Petrol and tolls', 'ben', '61.76', { kind: 'weighted', weights: { ana: 1, ben: 1, chloe: 1 } });
  return service;
}

describe('settling up a trip', () => {
  it('closes the trip once everyone has paid the suggested transfers', () => {
    const service = lisbon();
    const transfers = service.settleUp('lisbon-26');
    expect(transfers.length).toBeGreaterThan(0);
    for (const transfer of transfers) expect(service.recordPayment('lisbon-26', transfer).ok).toBe(true);

    expect(service.settleUp('lisbon-26')).toEqual([]);
    const closed = service.closeTrip('lisbon-26');
    expect(closed).toMatchObject({ ok: true });
  });

  it('will not close while someone still owes money', () => {
    const service = lisbon();
    const result = service.closeTrip('lisbon-26');
    expect(result.ok).toBe(false);
  });

  it('suggests one transfer per debtor for a weekend split evenly', () => {
    const service = new TripService();
    service.createTrip('ghent', 'Ghent weekend', ['ines', 'jon', 'kai']);
    service.addExpense('ghent', { description: 'Hostel', paidBy: 'ines', amount: parseAmount('150'), split: { kind: 'even', among: ['ines', 'jon', 'kai'] } });
    service.addExpense('ghent', { description: 'Train', paidBy: 'jon', amount: parseAmount('30'), split: { kind: 'even', among: ['ines', 'jon', 'kai'] } });

    expect(service.settleUp('ghent')).toEqual([
      { from: 'kai', to: 'ines', amount: 60_00 },
      { from: 'jon', to: 'ines', amount: 30_00 },
    ]);
  });
});

describe('splitting an expense', () => {
  it('splits evenly, the first members listed paying the odd cent', () => {
    const service = new TripService();
    service.createTrip('t1', 'Picnic', ['lu', 'mo', 'nia']);
    service.addExpense('t1', { description: 'Cake', paidBy: 'lu', amount: parseAmount('10'), split: { kind: 'even', among: ['lu', 'mo', 'nia'] } });
    expect(service.summary('t1').members.map((m) => [m.member, m.share])).toEqual([
      ['lu', 334],
      ['mo', 333],
      ['nia', 333],
    ]);
  });

  it('refuses exact amounts that do not add up to the expense', () => {
    const service = new TripService();
    service.createTrip('t2', 'Concert', ['lu', 'mo']);
    const result = service.addExpense('t2', { description: 'Tickets', paidBy: 'mo', amount: parseAmount('80,00'), split: { kind: 'exact', amounts: { lu: 45_00, mo: 30_00 } } });
    expect(result).toEqual({ ok: false, error: 'The amounts add up to €75.00, not €80.00' });
  });
});
