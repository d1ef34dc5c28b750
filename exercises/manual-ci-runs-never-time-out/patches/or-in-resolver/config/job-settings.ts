/** How a job runs. Every layer of configuration may set any of these. */
export type JobSettings = {
  /** Minutes before a running job is cancelled; 0 disables the timeout (the platform still stops every job after 6 hours). */
  timeoutMinutes: number;
  /** How many more times a failed job is run; 0 means it is never retried. */
  retries: number;
  /** Runner pool the job is scheduled on. */
  runnerPool: string;
  /** Verbose runner logs. */
  debug: boolean;
};

export type SettingsLayer = Partial<Record<keyof JobSettings, JobSettings[keyof JobSettings] | undefined>>;

export const ORG_DEFAULTS: Readonly<JobSettings> = Object.freeze({
  timeoutMinutes: 60,
  retries: 1,
  runnerPool: 'linux-small',
  debug: false,
});

const KEYS = Object.keys(ORG_DEFAULTS) as Array<keyof JobSettings>;

/**
 * Resolves a job's settings from its layers, least specific first: the organisation's
 * defaults, the repository's defaults, the job's own settings, the trigger's overrides.
 * A layer that does not set a key (undefined or null) leaves the value of the layers below.
 */
export function resolveJobSettings(...layers: SettingsLayer[]): JobSettings {
  const resolved: Record<string, unknown> = { ...ORG_DEFAULTS };
  for (const layer of layers) {
    for (const key of KEYS) {
      resolved[key] = layer[key] || resolved[key];
    }
  }
  return resolved as JobSettings;
}

export function describeSettings(settings: JobSettings): string {
  const timeout = settings.timeoutMinutes === 0 ? 'no timeout' : `timeout ${settings.timeoutMinutes}m`;
  return `${timeout}, retries ${settings.retries}, pool ${settings.runnerPool}${settings.debug ? ', debug' : ''}`;
}
