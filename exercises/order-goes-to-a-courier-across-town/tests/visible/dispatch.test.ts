import { describe, it, expect } from 'vitest';
import { Dispatcher } from '../../src/dispatch/dispatcher';
import { type Order } from '../../src/dispatch/eligibility';
import { START, fleetAround, type CourierSpec } from './world';

const noodleBar = { name: 'Noodle Bar Witte de With', position: { lat: 51.9161, lng: 4.4772 } };
const order = (id: string, items = 2): Order => ({ id, restaurant: noodleBar, items });

// The couriers on shift around the Noodle Bar at 11:30 on Monday, in the order the fleet
// service lists them. Mila and Joost are waiting at the door.
const LUNCH: CourierSpec[] = [
  { id: 'c-ruben', meters: 1617, bearing: 20, rating: 4.71 },
  { id: 'c-sanne', meters: 1375, bearing: 200, rating: 4.68 },
  { id: 'c-daan', meters: 957, bearing: 95, rating: 4.62 },
  { id: 'c-yara', meters: 3615, bearing: 310, rating: 4.98 },
  { id: 'c-finn', meters: 3400, bearing: 140, rating: 4.95 },
  { id: 'c-lotte', meters: 2295, bearing: 60, rating: 4.8 },
  { id: 'c-bram', meters: 1170, bearing: 250, rating: 4.65 },
  { id: 'c-noor', meters: 736, bearing: 170, rating: 4.59 },
  { id: 'c-thijs', meters: 2505, bearing: 15, rating: 4.83 },
  { id: 'c-eva', meters: 1851, bearing: 280, rating: 4.74 },
  { id: 'c-sem', meters: 507, bearing: 330, rating: 4.56 },
  { id: 'c-lieke', meters: 2707, bearing: 225, rating: 4.86 },
  { id: 'c-milan', meters: 2946, bearing: 110, rating: 4.89 },
  { id: 'c-fleur', meters: 2077, bearing: 185, rating: 4.77 },
  { id: 'c-jesse', meters: 3177, bearing: 35, rating: 4.92 },
  { id: 'c-amir', meters: 270, bearing: 75, rating: 4.53 },
  { id: 'c-joost', meters: 40, bearing: 0, rating: 4.3 },
  { id: 'c-mila', meters: 70, bearing: 180, rating: 4.5 },
];

describe('dispatching an order', () => {
  it('offers a lunchtime order to a courier waiting at the restaurant', () => {
    const dispatcher = new Dispatcher(fleetAround(noodleBar.position, LUNCH), { now: () => START });
    const offer = dispatcher.dispatch(order('ord-5521'));
    expect(offer?.distanceM).toBeLessThan(250);
  });

  it('prefers the better-rated of two couriers a few doors apart', () => {
    const fleet = fleetAround(noodleBar.position, [
      { id: 'c-a', meters: 30, rating: 4.2 },
      { id: 'c-b', meters: 180, bearing: 90, rating: 4.8 },
    ]);
    const offer = new Dispatcher(fleet, { now: () => START }).dispatch(order('ord-1'));
    expect(offer).toMatchObject({ courierId: 'c-b', distanceM: 180 });
  });

  it('skips couriers whose location is out of date', () => {
    const fleet = fleetAround(noodleBar.position, [
      { id: 'c-silent', meters: 60, rating: 4.9, pingAgeMs: 5 * 60_000 },
      { id: 'c-live', meters: 900, rating: 4.4 },
    ]);
    const lines: string[] = [];
    const offer = new Dispatcher(fleet, { now: () => START, log: (line) => lines.push(line) }).dispatch(order('ord-2'));
    expect(offer?.courierId).toBe('c-live');
    expect(lines).toEqual(['order=ord-2 offered to c-live distance=900m rating=4.4 eligible=1']);
  });

  it('sends a large order only to couriers with a scooter or a car', () => {
    const fleet = fleetAround(noodleBar.position, [
      { id: 'c-bike', meters: 50, rating: 4.9 },
      { id: 'c-car', meters: 1500, rating: 4.1, vehicle: 'car' },
    ]);
    expect(new Dispatcher(fleet, { now: () => START }).dispatch(order('ord-3', 9))?.courierId).toBe('c-car');
  });

  it('offers the order to the next courier when the first declines', () => {
    const fleet = fleetAround(noodleBar.position, [
      { id: 'c-first', meters: 100, rating: 4.7 },
      { id: 'c-second', meters: 600, rating: 4.9 },
    ]);
    const dispatcher = new Dispatcher(fleet, { now: () => START });
    expect(dispatcher.dispatch(order('ord-4'))?.courierId).toBe('c-first');
    expect(dispatcher.decline('ord-4', 'c-first')?.courierId).toBe('c-second');
    expect(fleet.get('c-first')?.status).toBe('idle');
  });
});
