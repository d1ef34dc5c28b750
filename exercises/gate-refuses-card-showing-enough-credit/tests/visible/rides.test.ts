import { describe, it, expect } from 'vitest';
import { CardRegistry } from '../../src/cards/cards';
import { createValidator } from '../../src/validators/validator';
import { createAccountService } from '../../src/account/account';

const HOUR = 3_600_000;

function network() {
  let clock = Date.parse('2026-01-12T07:00:00.000Z');
  const registry = new CardRegistry();
  const now = () => clock;
  return {
    registry,
    account: createAccountService(registry, now),
    bus: createValidator('bus-114-front', registry, now),
    tram: createValidator('tram-7-door-2', registry, now),
    later: (ms: number) => {
      clock += ms;
    },
  };
}

describe('riding with stored value', () => {
  it('lets a rider board as long as the balance covers the fare', () => {
    const { registry, account, bus, later } = network();
    registry.issue('TC-104233', 'adult');
    expect(account.addCredit('TC-104233', 10)).toEqual({ ok: true, balance: '€10.00' });

    for (let day = 0; day < 3; day++) {
      expect(bus.tap('TC-104233', 1).open).toBe(true);
      later(24 * HOUR);
    }
    expect(account.summary('TC-104233').balance).toBe('€3.40');

    const result = bus.tap('TC-104233', 2);
    expect(result.display).toBe('Have a good trip · Balance €0.00 · Please top up soon');
    expect(result.open).toBe(true);
  });

  it('refuses a ride the balance does not cover and says why', () => {
    const { registry, account, tram } = network();
    registry.issue('TC-100017', 'adult');
    account.addCredit('TC-100017', 5);

    expect(tram.tap('TC-100017', 2)).toMatchObject({ open: true, charged: 3.4 });
    expect(tram.tap('TC-100017', 3)).toEqual({ open: false, display: 'Insufficient funds · Balance €1.60 · Fare €4.60', reason: 'insufficient-funds' });
    expect(account.summary('TC-100017').balance).toBe('€1.60');
  });

  it('charges the reduced fare on a reduced card', () => {
    const { registry, account, bus } = network();
    registry.issue('TC-200050', 'reduced');
    account.addCredit('TC-200050', 5);

    expect(bus.tap('TC-200050', 3)).toMatchObject({ open: true, charged: 2.3, display: 'Have a good trip · Balance €2.70 · Please top up soon' });
  });

  it('lets a rider change to the tram within the hour without paying again', () => {
    const { registry, account, bus, tram, later } = network();
    registry.issue('TC-300001', 'adult');
    account.addCredit('TC-300001', 20);

    expect(bus.tap('TC-300001', 2)).toMatchObject({ open: true, charged: 3.4, transfer: false });
    later(40 * 60_000);
    expect(tram.tap('TC-300001', 1)).toMatchObject({ open: true, charged: 0, transfer: true, display: 'Transfer · Balance €16.60' });
    later(30 * 60_000);
    expect(tram.tap('TC-300001', 1)).toMatchObject({ open: true, charged: 2.2, transfer: false });
  });
});

describe('online top-up', () => {
  it('refuses less than the minimum top-up', () => {
    const { registry, account } = network();
    registry.issue('TC-400400', 'adult');
    expect(account.addCredit('TC-400400', 4.5)).toEqual({ ok: false, error: 'The minimum top-up is €5.00' });
    expect(account.summary('TC-400400')).toMatchObject({ balance: '€0.00', canAddUpTo: '€150.00', lowBalance: true });
  });
});
