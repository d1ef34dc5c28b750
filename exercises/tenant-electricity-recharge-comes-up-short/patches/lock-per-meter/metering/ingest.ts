import type { AssetRegistry } from './asset-registry';
import type { MeterLog } from './meter-log';
import type { Reading, TenantDay } from './types';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in the building's time zone. */
export function localDay(iso: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Consumption per tenant and local day: what the monthly recharge is billed from. */
export class UsageLedger {
  private readonly days = new Map<string, TenantDay>();

  entry(tenantId: string, day: string): TenantDay {
    const key = `${tenantId}|${day}`;
    let entry = this.days.get(key);
    if (!entry) {
      entry = { tenantId, day, kWh: 0, intervals: 0 };
      this.days.set(key, entry);
    }
    return entry;
  }

  /** The tenant's days in a month (YYYY-MM), oldest first. */
  month(tenantId: string, month: string): TenantDay[] {
    return [...this.days.values()]
      .filter((entry) => entry.tenantId === tenantId && entry.day.startsWith(`${month}-`))
      .sort((a, b) => (a.day < b.day ? -1 : 1))
      .map((entry) => ({ ...entry }));
  }

  tenants(): string[] {
    return [...new Set([...this.days.values()].map((entry) => entry.tenantId))].sort();
  }
}

export type BatchResult = { accepted: number; duplicates: number; rejected: { meterId: string; intervalStart: string; reason: string }[] };

function problemWith(reading: Reading): string | null {
  if (!/^M-\d{3}$/.test(reading.meterId)) return 'unknown meter id format';
  const start = Date.parse(reading.intervalStart);
  if (Number.isNaN(start) || start % (15 * 60_000) !== 0) return 'interval must start on a quarter hour';
  if (!Number.isFinite(reading.value) || reading.value < 0) return 'value must be a non-negative number';
  if (reading.unit !== 'Wh' && reading.unit !== 'kWh') return 'unit must be Wh or kWh';
  return null;
}

/**
 * Turns gateway readings into tenant consumption. Gateways re-send a batch they got no
 * answer for, so an interval already ingested for a meter is skipped.
 */
export class IngestService {
  private readonly seen = new Set<string>();
  private readonly registry: AssetRegistry;
  private readonly ledger: UsageLedger;
  private readonly meterLog: MeterLog;
  private readonly timeZone: string;

  constructor(deps: { registry: AssetRegistry; ledger: UsageLedger; meterLog: MeterLog; timeZone: string }) {
    this.registry = deps.registry;
    this.ledger = deps.ledger;
    this.meterLog = deps.meterLog;
    this.timeZone = deps.timeZone;
  }

  async ingestBatch(readings: Reading[]): Promise<BatchResult> {
    const result: BatchResult = { accepted: 0, duplicates: 0, rejected: [] };
    const ordered = [...readings].sort((a, b) => a.intervalStart.localeCompare(b.intervalStart) || a.meterId.localeCompare(b.meterId));
    for (const reading of ordered) {
      const problem = problemWith(reading);
      if (problem) {
        result.rejected.push({ meterId: reading.meterId, intervalStart: reading.intervalStart, reason: problem });
        continue;
      }
      const key = `${reading.meterId}@${reading.intervalStart}`;
      if (this.seen.has(key)) {
        result.duplicates += 1;
        continue;
      }
      this.seen.add(key);
      try {
        await this.ingest(reading);
        result.accepted += 1;
      } catch (error) {
        this.seen.delete(key);
        result.rejected.push({ meterId: reading.meterId, intervalStart: reading.intervalStart, reason: (error as Error).message });
      }
    }
    return result;
  }

  private readonly busy = new Map<string, Promise<void>>();

  private async ingest(reading: Reading): Promise<void> {
    const before = this.busy.get(reading.meterId) ?? Promise.resolve();
    const run = before.then(() => this.ingestOne(reading));
    this.busy.set(reading.meterId, run.catch(() => undefined));
    return run;
  }

  private async ingestOne(reading: Reading): Promise<void> {
    const profile = await this.registry.profile(reading.meterId);
    const usage = this.ledger.entry(profile.tenantId, localDay(reading.intervalStart, this.timeZone));
    usage.kWh += await this.consumption(reading);
    usage.intervals += 1;
  }

  /** kWh of one reading after the CT ratio in force for its interval; logged per meter. */
  private async consumption(reading: Reading): Promise<number> {
    const ratio = await this.registry.ratio(reading.meterId, reading.intervalStart);
    const kWh = (reading.unit === 'Wh' ? reading.value / 1000 : reading.value) * ratio;
    await this.meterLog.append({ meterId: reading.meterId, intervalStart: reading.intervalStart, kWh });
    return kWh;
  }
}
