import { type JobSettings, type SettingsLayer, resolveJobSettings } from '../config/job-settings';
import { type JobDefinition, type RepoConfig, validateRepoConfig } from '../pipelines/repo-config';
import { type ManualRunForm, FormError, parseManualRunForm } from './manual-form';

export type PlannedJob = { name: string; script: string[]; settings: JobSettings };

export type Pipeline = {
  trigger: 'push' | 'manual';
  branch: string;
  requestedBy: string;
  jobs: PlannedJob[];
};

function plan(config: RepoConfig, jobs: JobDefinition[], overrides: SettingsLayer): PlannedJob[] {
  return jobs.map((job) => ({
    name: job.name,
    script: [...job.script],
    settings: resolveJobSettings(config.defaults ?? {}, job.settings ?? {}, overrides),
  }));
}

/** A push to `branch` runs every job that is not manual-only, with the repository's settings. */
export function pipelineForPush(config: RepoConfig, branch: string, pusher: string): Pipeline {
  validateRepoConfig(config);
  const jobs = config.jobs.filter((job) => !job.manualOnly);
  return { trigger: 'push', branch, requestedBy: pusher, jobs: plan(config, jobs, {}) };
}

/** "Run pipeline" from the web UI: the chosen jobs (or all of them), with the form's overrides on top. */
export function pipelineForManualRun(config: RepoConfig, form: ManualRunForm, user: string): Pipeline {
  validateRepoConfig(config);
  // A text input the user left empty is submitted as "" (or spaces): it sets nothing.
  const filledIn = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined && value.trim() !== '')) as ManualRunForm;
  const run = parseManualRunForm(filledIn);
  const unknown = run.jobs.filter((name) => !config.jobs.some((job) => job.name === name));
  if (unknown.length > 0) throw new FormError('jobs', `no job named ${unknown.map((name) => `"${name}"`).join(', ')}`);
  const jobs = run.jobs.length === 0 ? config.jobs : config.jobs.filter((job) => run.jobs.includes(job.name));
  return { trigger: 'manual', branch: run.branch, requestedBy: user, jobs: plan(config, jobs, run.overrides) };
}
