import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type RepoConfig } from '../../src/pipelines/repo-config';
import { pipelineForManualRun, pipelineForPush } from '../../src/triggers/pipelines';
import { type Executor, runPipeline } from '../../src/runner/runner';
import { FormError } from '../../src/triggers/manual-form';
import { Log } from '../../src/log';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The webshop repository's .forge.yml.
const FORGE_YML: RepoConfig = {
  defaults: { retries: 2, runnerPool: 'linux-medium' },
  jobs: [
    { name: 'unit', script: ['npm ci', 'npm test'] },
    { name: 'e2e', script: ['npm ci', 'npm run e2e'], settings: { timeoutMinutes: 45 } },
    { name: 'release', script: ['npm run release'], manualOnly: true, settings: { timeoutMinutes: 0, retries: 0 } },
  ],
};

// e2e hangs (a browser that never closes); release takes 200 minutes; unit takes 4.
const executor: Executor = async (job) => {
  if (job.name === 'e2e') await sleep(12 * 60 * MINUTE);
  if (job.name === 'release') await sleep(200 * MINUTE);
  if (job.name === 'unit') await sleep(4 * MINUTE);
  return 'success';
};

async function run(pipeline: ReturnType<typeof pipelineForPush>) {
  const running = runPipeline(pipeline, executor, new Log());
  await vi.advanceTimersByTimeAsync(8 * 60 * MINUTE);
  return running;
}

// What the browser submits when "Run pipeline" is pressed without touching the optional fields.
const untouchedForm = { branch: 'main', jobs: 'e2e', timeoutMinutes: '', retries: '' };

describe('running the webshop pipeline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('cancels a hung e2e job after 45 minutes when it is run by hand', async () => {
    const results = await run(pipelineForManualRun(FORGE_YML, untouchedForm, 'dana'));
    expect(results).toEqual([{ name: 'e2e', status: 'timed-out', attempts: 1, minutes: 45 }]);
  });

  it('cancels a hung e2e job after 45 minutes when it runs on push', async () => {
    const results = await run(pipelineForPush(FORGE_YML, 'main', 'dana'));
    expect(results).toEqual([
      { name: 'unit', status: 'success', attempts: 1, minutes: 4 },
      { name: 'e2e', status: 'timed-out', attempts: 1, minutes: 45 },
    ]);
  });

  it('uses the timeout typed into the form for that run', async () => {
    const results = await run(pipelineForManualRun(FORGE_YML, { ...untouchedForm, timeoutMinutes: '90' }, 'dana'));
    expect(results).toEqual([{ name: 'e2e', status: 'timed-out', attempts: 1, minutes: 90 }]);
  });

  it('lets the release job run for as long as it needs', async () => {
    const results = await run(pipelineForManualRun(FORGE_YML, { ...untouchedForm, jobs: 'release' }, 'dana'));
    expect(results).toEqual([{ name: 'release', status: 'success', attempts: 1, minutes: 200 }]);
  });

  it('refuses a timeout that is not a number of minutes', () => {
    expect(() => pipelineForManualRun(FORGE_YML, { ...untouchedForm, timeoutMinutes: '45m' }, 'dana')).toThrow(FormError);
  });
});
