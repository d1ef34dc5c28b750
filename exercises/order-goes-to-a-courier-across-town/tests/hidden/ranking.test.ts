import { describe, it, expect } from 'vitest';
import { Dispatcher } from '../../src/dispatch/dispatcher';
import { type Order } from '../../src/dispatch/eligibility';
import { START, fleetAround, type CourierSpec } from '../visible/world';

const kitchen = { name: 'Ghost kitchen Delfshaven', position: { lat: 51.9087, lng: 4.4461 } };
const order = (id: string): Order => ({ id, restaurant: kitchen, items: 3 });

/** Every courier in the order the dispatcher offers them the order, declining each time. */
function offerSequence(couriers: CourierSpec[]): string[] {
  const dispatcher = new Dispatcher(fleetAround(kitchen.position, couriers), { now: () => START });
  const sequence: string[] = [];
  let offer = dispatcher.dispatch(order('ord-h'));
  while (offer) {
    sequence.push(offer.courierId);
    offer = dispatcher.decline('ord-h', offer.courierId);
  }
  return sequence;
}

/** The ranking rule, written out: 250 m step, then best rating, then nearest. */
function expectedRanking(couriers: CourierSpec[]): string[] {
  return [...couriers]
    .sort((a, b) => Math.floor(a.meters / 250) - Math.floor(b.meters / 250) || b.rating - a.rating || a.meters - b.meters)
    .map((courier) => courier.id);
}

function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 16_807) % 2_147_483_647;
    return state % n;
  };
}

describe('ranking couriers', () => {
  // Stated in src/dispatch/ranking.ts: "a courier in a nearer step always ranks higher"
  it('never lets a better rating beat a nearer step, even 10 m apart', () => {
    expect(
      offerSequence([
        { id: 'c-far', meters: 255, bearing: 90, rating: 4.9 },
        { id: 'c-near', meters: 245, bearing: 270, rating: 4.2 },
      ]),
    ).toEqual(['c-near', 'c-far']);
  });

  // Stated in src/dispatch/ranking.ts: "Within one step the better-rated courier ranks higher"
  it('lets the better rating win anywhere inside one step', () => {
    expect(
      offerSequence([
        { id: 'c-510', meters: 510, bearing: 10, rating: 4.3 },
        { id: 'c-740', meters: 740, bearing: 200, rating: 4.9 },
        { id: 'c-5', meters: 5, rating: 3.9 },
        { id: 'c-1010', meters: 1_010, bearing: 45, rating: 4.1 },
        { id: 'c-1240', meters: 1_240, bearing: 300, rating: 4.6 },
      ]),
    ).toEqual(['c-5', 'c-740', 'c-510', 'c-1240', 'c-1010']);
  });

  // Stated in src/dispatch/ranking.ts: "and at equal ratings the"
  it('puts the nearer of two equally rated couriers in one step first', () => {
    expect(
      offerSequence([
        { id: 'c-b', meters: 1_420, bearing: 120, rating: 4.6 },
        { id: 'c-a', meters: 1_260, bearing: 330, rating: 4.6 },
      ]),
    ).toEqual(['c-a', 'c-b']);
  });

  // Stated in src/dispatch/ranking.ts: "counted in steps of"
  // Stated in src/dispatch/dispatcher.ts: "the next best courier gets the offer"
  it('walks a street full of couriers in ranking order', () => {
    const street: CourierSpec[] = [];
    for (let i = 0; i < 16; i++) street.push({ id: `c-${i}`, meters: 40 + i * 215, bearing: i % 2 === 0 ? 0 : 180, rating: Math.min(5, 4.2 + i * 0.05) });
    const listed = [...street].reverse();
    expect(offerSequence(listed)).toEqual(expectedRanking(street));
  });

  // Stated in src/dispatch/ranking.ts: "Couriers are ranked by how far they are from the restaurant, counted in steps of"
  it('gives the same ranking whatever order the fleet lists the couriers in', () => {
    const next = generator(2_026);
    for (let round = 0; round < 25; round++) {
      const couriers: CourierSpec[] = [];
      const size = 6 + next(25);
      for (let i = 0; i < size; i++) {
        let meters = 10 + next(3_900);
        if (meters % 250 < 3 || meters % 250 > 247) meters += 5;
        couriers.push({ id: `c-${round}-${i}`, meters, bearing: next(360), rating: (38 + next(13)) / 10 });
      }
      const shuffled = [...couriers].sort(() => next(3) - 1);
      expect(offerSequence(shuffled)).toEqual(expectedRanking(couriers));
    }
  });
});
