import { TARIFF } from '../config';
import { type ChargingSession } from '../sessions/types';

export type InvoiceLine = { sessionId: string; connectorId: string; kwh: string; amountCents: number };
export type Invoice = { driverId: string; day: string; lines: InvoiceLine[]; totalCents: number; currency: string };

export type SessionSource = { completedBetween(from: number, to: number): ChargingSession[] };

const DAY_MS = 86_400_000;

export function priceSession(energyWh: number): number {
  return Math.round((energyWh * TARIFF.energyCentsPerKwh) / 1_000) + TARIFF.sessionFeeCents;
}

/**
 * The nightly run: one invoice per driver for the sessions that ended on `day` (UTC),
 * each line priced from the energy the session delivered.
 */
export function invoicesForDay(source: SessionSource, day: string): Invoice[] {
  const from = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(from)) throw new Error(`day must be YYYY-MM-DD, got ${day}`);
  const byDriver = new Map<string, InvoiceLine[]>();
  const sessions = source.completedBetween(from, from + DAY_MS).sort((a, b) => (a.endedAt as number) - (b.endedAt as number));
  for (const session of sessions) {
    const lines = byDriver.get(session.driverId) ?? [];
    lines.push({ sessionId: session.id, connectorId: session.connectorId, kwh: (session.energyWh / 1_000).toFixed(3), amountCents: priceSession(session.energyWh) });
    byDriver.set(session.driverId, lines);
  }
  return [...byDriver.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([driverId, lines]) => ({ driverId, day, lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0), currency: TARIFF.currency }));
}
