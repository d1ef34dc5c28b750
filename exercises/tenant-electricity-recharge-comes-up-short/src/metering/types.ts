/** One 15-minute interval as a sub-meter's gateway reports it. */
export type Reading = {
  meterId: string;
  /** Start of the interval, ISO 8601 UTC, on a quarter hour. */
  intervalStart: string;
  /** Energy measured in the interval, in the meter's unit, before the current-transformer ratio. */
  value: number;
  unit: 'Wh' | 'kWh';
};

export type MeterProfile = {
  meterId: string;
  tenantId: string;
  floor: number;
  gatewayId: string;
};

export type TenantDay = { tenantId: string; day: string; kWh: number; intervals: number };
