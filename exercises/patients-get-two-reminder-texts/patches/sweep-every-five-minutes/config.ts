export type ReminderConfig = {
  /** How long before the appointment the reminder text goes out. */
  leadTimeMs: number;
  /** How often the scheduler looks for reminders that have become due. */
  sweepIntervalMs: number;
  /** Failed sends are retried on later sweeps; after this many attempts the reminder is given up. */
  maxAttempts: number;
  /** Clinics run on local time; texts show the appointment in this zone. */
  timeZone: string;
};

export const DEFAULT_REMINDER_CONFIG: ReminderConfig = {
  leadTimeMs: 24 * 60 * 60 * 1000,
  sweepIntervalMs: 5 * 60 * 1000,
  maxAttempts: 3,
  timeZone: 'Europe/London',
};

export function reminderConfig(overrides: Partial<ReminderConfig> = {}): ReminderConfig {
  const config = { ...DEFAULT_REMINDER_CONFIG };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (config as Record<string, unknown>)[key] = value;
  }
  if (!Number.isInteger(config.maxAttempts) || config.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${config.maxAttempts}`);
  }
  if (config.sweepIntervalMs < 1000) {
    throw new RangeError(`sweepIntervalMs must be at least one second, got ${config.sweepIntervalMs}`);
  }
  return config;
}
