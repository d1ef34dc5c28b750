import type { UsageLedger } from '../metering/ingest';

export type Tariff = { orePerKWh: number; fixedMonthlyOre: number };

export type RechargeLine = { tenantId: string; month: string; kWh: number; days: number; amountNok: number };

/** The monthly electricity recharge a tenant is invoiced for. */
export function monthlyRecharge(ledger: UsageLedger, tenantId: string, month: string, tariff: Tariff): RechargeLine {
  const days = ledger.month(tenantId, month);
  const kWh = Math.round(days.reduce((sum, day) => sum + day.kWh, 0) * 1000) / 1000;
  const ore = Math.round(kWh * tariff.orePerKWh) + tariff.fixedMonthlyOre;
  return { tenantId, month, kWh, days: days.length, amountNok: ore / 100 };
}

/**
 * The landlord's check against the utility's main meter: whatever the tenants' meters do
 * not account for is common area (lifts, lobby, garage), normally 8-10 % of the building.
 */
export function commonAreaShare(ledger: UsageLedger, month: string, mainMeterKWh: number): { tenantsKWh: number; commonKWh: number; commonPct: number } {
  const tenantsKWh = ledger.tenants().reduce((sum, tenantId) => sum + ledger.month(tenantId, month).reduce((s, day) => s + day.kWh, 0), 0);
  const commonKWh = mainMeterKWh - tenantsKWh;
  return { tenantsKWh: Math.round(tenantsKWh * 1000) / 1000, commonKWh: Math.round(commonKWh * 1000) / 1000, commonPct: Math.round((commonKWh / mainMeterKWh) * 1000) / 10 };
}
