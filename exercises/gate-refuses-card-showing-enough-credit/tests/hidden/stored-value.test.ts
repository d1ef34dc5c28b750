import { describe, it, expect } from 'vitest';
import { CardRegistry } from '../../src/cards/cards';
import { createValidator } from '../../src/validators/validator';
import { createAccountService } from '../../src/account/account';
import { TARIFF } from '../../src/config';

const DAY = 86_400_000;

function network() {
  let clock = Date.parse('2026-02-02T06:30:00.000Z');
  const registry = new CardRegistry();
  const now = () => clock;
  return {
    registry,
    account: createAccountService(registry, now),
    gate: createValidator('metro-c-gate-4', registry, now),
    nextDay: () => {
      clock += DAY;
    },
  };
}

function euros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}

describe('a balance that exactly covers the fare', () => {
  // Stated in README.md: "A tap is accepted whenever the balance covers the fare"
  it('lets an adult through and leaves the card at zero', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-510001', 'adult');
    account.addCredit('TC-510001', 10);
    for (const zones of [1, 1, 2]) {
      expect(gate.tap('TC-510001', zones).open).toBe(true);
      nextDay();
    }
    expect(account.summary('TC-510001').balance).toBe('€2.20');

    expect(gate.tap('TC-510001', 1)).toEqual({ open: true, charged: 2.2, transfer: false, display: 'Have a good trip · Balance €0.00 · Please top up soon' });
    expect(account.summary('TC-510001')).toMatchObject({ balance: '€0.00', canAddUpTo: '€150.00' });
  });

  // Stated in README.md: "A tap is accepted whenever the balance covers the fare"
  it('lets a reduced-fare rider through on the last €1.10', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-510002', 'reduced');
    account.addCredit('TC-510002', 5);
    for (const zones of [2, 1, 1]) {
      expect(gate.tap('TC-510002', zones).open).toBe(true);
      nextDay();
    }
    expect(gate.tap('TC-510002', 1)).toMatchObject({ open: true, display: 'Have a good trip · Balance €0.00 · Please top up soon' });
    expect(gate.tap('TC-510002', 1)).toMatchObject({ open: true, transfer: true });
    nextDay();
    expect(gate.tap('TC-510002', 1)).toMatchObject({ open: false, display: 'Insufficient funds · Balance €0.00 · Fare €1.10' });
  });

  // Stated in src/cards/purse.ts: "Takes a fare off the card; a card never goes below zero."
  it('still refuses a balance one cent short of the fare', () => {
    const { registry, account, gate } = network();
    registry.issue('TC-510003', 'adult');
    account.addCredit('TC-510003', 5.59);
    expect(gate.tap('TC-510003', 1).open).toBe(true);
    expect(account.summary('TC-510003').balance).toBe('€3.39');
    expect(gate.tap('TC-510003', 2)).toEqual({ open: false, display: 'Insufficient funds · Balance €3.39 · Fare €3.40', reason: 'insufficient-funds' });
  });

  // Stated in README.md: "A tap is accepted whenever the balance covers the fare, and a card never goes below zero."
  it('carries on normally after the card was ridden down to zero', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-510004', 'adult');
    account.addCredit('TC-510004', 10);
    for (const zones of [2, 1, 1, 1]) {
      expect(gate.tap('TC-510004', zones).open).toBe(true);
      nextDay();
    }
    expect(account.summary('TC-510004')).toMatchObject({ balance: '€0.00', lowBalance: true });
    expect(account.addCredit('TC-510004', 5)).toEqual({ ok: true, balance: '€5.00' });
    expect(account.summary('TC-510004').lowBalance).toBe(false);
    expect(gate.tap('TC-510004', 3).display).toBe('Have a good trip · Balance €0.40 · Please top up soon');
  });
});

describe('the €150.00 a card may hold', () => {
  // Stated in src/account/account.ts: "Shown next to the top-up field"
  // Stated in src/config.ts: "a card holds at most €150.00"
  it('accepts a top-up of exactly the amount the account page offers', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-520001', 'adult');
    expect(account.addCredit('TC-520001', 150)).toEqual({ ok: true, balance: '€150.00' });
    gate.tap('TC-520001', 1);
    nextDay();
    gate.tap('TC-520001', 3);

    const summary = account.summary('TC-520001');
    expect(summary).toMatchObject({ balance: '€143.20', canAddUpTo: '€6.80' });
    expect(account.addCredit('TC-520001', 6.8)).toEqual({ ok: true, balance: '€150.00' });
    expect(account.summary('TC-520001').canAddUpTo).toBe('€0.00');
  });

  // Stated in src/config.ts: "a card holds at most €150.00"
  it('refuses a top-up one cent over the limit', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-520002', 'adult');
    account.addCredit('TC-520002', 150);
    gate.tap('TC-520002', 3);
    nextDay();
    gate.tap('TC-520002', 3);
    expect(account.summary('TC-520002').canAddUpTo).toBe('€9.20');
    expect(account.addCredit('TC-520002', 9.21)).toEqual({ ok: false, error: 'A card holds at most €150.00' });
    expect(account.summary('TC-520002').balance).toBe('€140.80');
    expect(account.addCredit('TC-520002', 9.2)).toEqual({ ok: true, balance: '€150.00' });
  });
});

describe('a long run of rides and top-ups', () => {
  // Stated in src/config.ts: "Single-ride fares in euros, exactly as published in the 2026 tariff"
  it('always shows the balance the tariff gives, and boards whenever it covers the fare', () => {
    const { registry, account, gate, nextDay } = network();
    registry.issue('TC-530001', 'adult');
    registry.issue('TC-530002', 'reduced');
    const expected: Record<string, number> = { 'TC-530001': 0, 'TC-530002': 0 };
    let refusals = 0;
    for (let i = 0; i < 240; i++) {
      const cardId = i % 2 === 0 ? 'TC-530001' : 'TC-530002';
      const riderType = cardId === 'TC-530001' ? 'adult' : 'reduced';
      if (i % 23 === 0) {
        const amount = 5 + (i % 7) * 1.35;
        const cents = Math.round(amount * 100);
        expect(account.addCredit(cardId, amount)).toEqual({ ok: true, balance: euros(expected[cardId]! + cents) });
        expected[cardId]! += cents;
      }
      const zones = 1 + ((i * 7) % 3);
      const fareCents = Math.round(TARIFF[riderType][zones - 1]! * 100);
      const result = gate.tap(cardId, zones);
      if (expected[cardId]! >= fareCents) {
        expect(result.open).toBe(true);
        expected[cardId]! -= fareCents;
      } else {
        expect(result.open).toBe(false);
        refusals++;
      }
      expect(account.summary(cardId).balance).toBe(euros(expected[cardId]!));
      if (i % 2 === 1) nextDay();
    }
    expect(refusals).toBeGreaterThan(0);
  });
});
