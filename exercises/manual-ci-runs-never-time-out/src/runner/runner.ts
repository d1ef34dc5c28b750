import { describeSettings } from '../config/job-settings';
import { type Log } from '../log';
import { type Pipeline, type PlannedJob } from '../triggers/pipelines';

/** The platform stops every job after this long, whatever its settings say. */
export const PLATFORM_MAX_MINUTES = 6 * 60;
const MINUTE_MS = 60_000;

/** Runs one attempt of a job's script on a runner; resolves with its outcome. */
export type Executor = (job: PlannedJob, attempt: number) => Promise<'success' | 'failure'>;

export type JobResult = {
  name: string;
  status: 'success' | 'failure' | 'timed-out';
  attempts: number;
  minutes: number;
};

type Outcome = 'success' | 'failure' | 'timed-out';

function attemptWithTimeout(execute: Executor, job: PlannedJob, attempt: number): Promise<Outcome> {
  const limit = job.settings.timeoutMinutes === 0 ? PLATFORM_MAX_MINUTES : Math.min(job.settings.timeoutMinutes, PLATFORM_MAX_MINUTES);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), limit * MINUTE_MS);
  });
  return Promise.race([execute(job, attempt), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the jobs of a pipeline one after the other. A failed job is run again up to
 * `retries` times; a job that times out is cancelled and not retried.
 */
export async function runPipeline(pipeline: Pipeline, execute: Executor, log: Log): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of pipeline.jobs) {
    const startedAt = Date.now();
    log.info('job started', { job: job.name, trigger: pipeline.trigger, settings: describeSettings(job.settings) });
    let attempts = 0;
    let outcome: Outcome = 'failure';
    while (attempts <= job.settings.retries) {
      attempts++;
      outcome = await attemptWithTimeout(execute, job, attempts);
      if (outcome !== 'failure') break;
      if (attempts <= job.settings.retries) log.info('job retried', { job: job.name, attempt: attempts + 1 });
    }
    const minutes = Math.round((Date.now() - startedAt) / MINUTE_MS);
    log.info('job finished', { job: job.name, status: outcome, attempts, minutes });
    results.push({ name: job.name, status: outcome, attempts, minutes });
  }
  return results;
}
