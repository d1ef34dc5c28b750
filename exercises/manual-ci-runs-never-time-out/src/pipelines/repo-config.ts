import { type SettingsLayer } from '../config/job-settings';

/** A repository's .forge.yml, as the YAML parser hands it over (keys it does not contain are absent). */
export type RepoConfig = {
  defaults?: SettingsLayer;
  jobs: JobDefinition[];
};

export type JobDefinition = {
  name: string;
  script: string[];
  /** Jobs that only run when triggered by hand or on a schedule, never on push. */
  manualOnly?: boolean;
  settings?: SettingsLayer;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function checkLayer(where: string, layer: SettingsLayer | undefined): void {
  if (layer === undefined) return;
  for (const key of ['timeoutMinutes', 'retries'] as const) {
    const value = layer[key];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
      throw new ConfigError(`${where}: ${key} must be a whole number of 0 or more`);
    }
  }
  if (layer.runnerPool !== undefined && (typeof layer.runnerPool !== 'string' || layer.runnerPool === '')) {
    throw new ConfigError(`${where}: runnerPool must name a pool`);
  }
}

export function validateRepoConfig(config: RepoConfig): RepoConfig {
  if (!Array.isArray(config.jobs) || config.jobs.length === 0) throw new ConfigError('.forge.yml defines no jobs');
  checkLayer('defaults', config.defaults);
  const names = new Set<string>();
  for (const job of config.jobs) {
    if (!/^[a-z][a-z0-9-]*$/.test(job.name)) throw new ConfigError(`invalid job name "${job.name}"`);
    if (names.has(job.name)) throw new ConfigError(`job "${job.name}" is defined twice`);
    names.add(job.name);
    if (!Array.isArray(job.script) || job.script.length === 0) throw new ConfigError(`job "${job.name}" has no script`);
    checkLayer(`job "${job.name}"`, job.settings);
  }
  return config;
}
