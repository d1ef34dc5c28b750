export const METERING = {
  /** Each charging session reads its connector's meter once a minute. */
  intervalMs: 60_000,
} as const;

export const TARIFF = {
  currency: 'EUR',
  /** Price per kWh delivered, in cents. */
  energyCentsPerKwh: 49,
  /** Flat fee per session, in cents. */
  sessionFeeCents: 35,
} as const;
