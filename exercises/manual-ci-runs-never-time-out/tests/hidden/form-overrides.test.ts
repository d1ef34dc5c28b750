import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type RepoConfig } from '../../src/pipelines/repo-config';
import { type Pipeline, pipelineForManualRun, pipelineForPush } from '../../src/triggers/pipelines';
import { type Executor, runPipeline } from '../../src/runner/runner';
import { FormError } from '../../src/triggers/manual-form';
import { Log } from '../../src/log';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CONFIG: RepoConfig = {
  defaults: { retries: 2, runnerPool: 'linux-large', debug: true },
  jobs: [
    { name: 'integration', script: ['make integration'], settings: { timeoutMinutes: 30 } },
    { name: 'flaky', script: ['make flaky'] },
    { name: 'migrate', script: ['make migrate'], settings: { timeoutMinutes: 0 } },
  ],
};

const NO_RETRY_CONFIG: RepoConfig = {
  defaults: { retries: 0 },
  jobs: [{ name: 'deploy', script: ['make deploy'], settings: { timeoutMinutes: 20 } }],
};

function executor(): Executor {
  const attempts = new Map<string, number>();
  return async (job) => {
    const attempt = (attempts.get(job.name) ?? 0) + 1;
    attempts.set(job.name, attempt);
    if (job.name === 'integration') await sleep(10 * 60 * MINUTE);
    if (job.name === 'migrate') await sleep(150 * MINUTE);
    if (job.name === 'flaky') {
      await sleep(3 * MINUTE);
      return attempt < 3 ? 'failure' : 'success';
    }
    if (job.name === 'deploy') {
      await sleep(2 * MINUTE);
      return 'failure';
    }
    return 'success';
  };
}

async function run(pipeline: Pipeline) {
  const running = runPipeline(pipeline, executor(), new Log());
  await vi.advanceTimersByTimeAsync(20 * 60 * MINUTE);
  return running;
}

const blank = { branch: 'release/2.4', timeoutMinutes: '', retries: '' };

describe('manual runs keep the repository settings the form leaves empty', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in src/triggers/manual-form.ts: "leave a field empty to keep the repository's"
  it("keeps the job's timeout when the timeout field is empty", async () => {
    const results = await run(pipelineForManualRun(CONFIG, { ...blank, jobs: 'integration' }, 'ops'));
    expect(results).toEqual([{ name: 'integration', status: 'timed-out', attempts: 1, minutes: 30 }]);
  });

  // Stated in src/triggers/manual-form.ts: "leave a field empty to keep the repository's"
  it("keeps the repository's retries when the retries field is empty", async () => {
    const results = await run(pipelineForManualRun(CONFIG, { ...blank, jobs: 'flaky' }, 'ops'));
    expect(results).toEqual([{ name: 'flaky', status: 'success', attempts: 3, minutes: 9 }]);
  });

  // Stated in src/triggers/manual-form.ts: "setting for it (spaces alone count as empty)"
  it('treats a field holding only spaces as empty', async () => {
    const results = await run(pipelineForManualRun(CONFIG, { branch: 'main', jobs: 'integration, flaky', timeoutMinutes: '  ', retries: ' ' }, 'ops'));
    expect(results).toEqual([
      { name: 'integration', status: 'timed-out', attempts: 1, minutes: 30 },
      { name: 'flaky', status: 'success', attempts: 3, minutes: 9 },
    ]);
  });

  // Stated in src/triggers/manual-form.ts: "0 disables the timeout or the retries"
  it('disables the timeout for the run when 0 is typed', async () => {
    const results = await run(pipelineForManualRun(CONFIG, { ...blank, jobs: 'integration', timeoutMinutes: '0' }, 'ops'));
    expect(results).toEqual([{ name: 'integration', status: 'timed-out', attempts: 1, minutes: 360 }]);
  });

  // Stated in src/triggers/manual-form.ts: "0 disables the timeout or the retries"
  it('disables the retries for the run when 0 is typed', async () => {
    const results = await run(pipelineForManualRun(CONFIG, { ...blank, jobs: 'flaky', retries: '0' }, 'ops'));
    expect(results).toEqual([{ name: 'flaky', status: 'failure', attempts: 1, minutes: 3 }]);
  });

  // Stated in src/config/job-settings.ts: "0 means it is never retried"
  // Stated in src/config/job-settings.ts: "0 disables the timeout"
  it("honours a repository's own 0 settings, on push and by hand", async () => {
    const push = await run(pipelineForPush(NO_RETRY_CONFIG, 'main', 'ops'));
    const manual = await run(pipelineForManualRun(NO_RETRY_CONFIG, { branch: 'main', jobs: '', timeoutMinutes: '', retries: '' }, 'ops'));
    expect(push).toEqual([{ name: 'deploy', status: 'failure', attempts: 1, minutes: 2 }]);
    expect(manual).toEqual(push);
    const migrate = await run(pipelineForManualRun(CONFIG, { ...blank, jobs: 'migrate' }, 'ops'));
    expect(migrate).toEqual([{ name: 'migrate', status: 'success', attempts: 1, minutes: 150 }]);
  });

  // Stated in src/triggers/manual-form.ts: "leave a field empty to keep the repository's"
  it('plans the same settings as a push when nothing is typed into the form', () => {
    const push = pipelineForPush(CONFIG, 'main', 'ops');
    const manual = pipelineForManualRun(CONFIG, { branch: 'main', jobs: '', timeoutMinutes: '', retries: '' }, 'ops');
    expect(manual.jobs.map((job) => job.settings)).toEqual(push.jobs.map((job) => job.settings));
  });

  // Stated in src/triggers/manual-form.ts: "Anything else that is not a whole number is refused with a FormError."
  it('still refuses text that is not a whole number', () => {
    expect(() => pipelineForManualRun(CONFIG, { ...blank, retries: 'two' }, 'ops')).toThrow(FormError);
    expect(() => pipelineForManualRun(CONFIG, { ...blank, timeoutMinutes: '-5' }, 'ops')).toThrow(FormError);
  });
});
