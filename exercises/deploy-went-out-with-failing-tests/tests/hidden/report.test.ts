import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type CheckRun, type PipelineRun, reportTestResults } from '../../src/ci/report-step';
import { deployDecision } from '../../src/ci/deploy-gate';
import { createLog } from '../../src/ci/log';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function store(files: Record<string, string>, readMs: (key: string) => number = () => 20) {
  return {
    async list(prefix: string) {
      const keys = Object.keys(files).filter((key) => key.startsWith(prefix));
      await wait(40 * Math.max(1, Math.ceil(keys.length / 100)));
      return keys.reverse();
    },
    async read(key: string) {
      await wait(readMs(key));
      const body = files[key];
      if (body === undefined) throw new Error(`NoSuchKey: ${key}`);
      return body;
    },
  };
}

function suite(name: string, passed: number, failed: string[] = [], skipped = 0): string {
  const cases = [
    ...Array.from({ length: passed }, (_, i) => `<testcase classname="${name}" name="ok ${i}"/>`),
    ...failed.map((test) => `<testcase classname="${name}" name="${test}"><failure message="boom in ${test}">stack</failure></testcase>`),
    ...Array.from({ length: skipped }, (_, i) => `<testcase classname="${name}" name="todo ${i}"><skipped/></testcase>`),
  ];
  return `<testsuites><testsuite name="${name}">${cases.join('')}</testsuite></testsuites>`;
}

function runOf(id: string, shards: Record<string, Record<string, string>>, noise: Record<string, number> = {}) {
  const files: Record<string, string> = {};
  for (const [shard, reports] of Object.entries(shards)) {
    for (const [file, body] of Object.entries(reports)) files[`runs/${id}/${shard}/${file}`] = body;
    for (let i = 0; i < (noise[shard] ?? 0); i++) files[`runs/${id}/${shard}/traces/trace-${i}.zip`] = 'zip';
  }
  const run: PipelineRun = { id, sha: `sha${id}0000000`, shards: Object.keys(shards).map((name) => ({ name, exitCode: 0 })) };
  return { run, files };
}

const posted: CheckRun[] = [];
const codeHost = { postCheck: async (check: CheckRun) => void posted.push(check) };

async function report(run: PipelineRun, artifacts: ReturnType<typeof store>): Promise<CheckRun> {
  const pending = reportTestResults(run, { store: artifacts, host: codeHost, log: createLog() });
  await vi.advanceTimersByTimeAsync(120_000);
  return pending;
}

describe('the tests check', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-06T15:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "The check's title counts every test of the run"
  // Stated in README.md: "The check lists every failed test"
  it('counts and lists a failure in the last report of a shard with many artifacts', async () => {
    const { run, files } = runOf(
      '9001',
      {
        unit: { 'junit.xml': suite('money', 50, [], 1) },
        e2e: { 'junit.xml': suite('login.e2e', 20), 'junit-2.xml': suite('cart.e2e', 30), 'junit-3.xml': suite('refund.e2e', 9, ['refunds a split payment']) },
      },
      { e2e: 600 },
    );
    run.shards[1]!.exitCode = 1;

    const check = await report(run, store(files));

    expect(check.conclusion).toBe('failure');
    expect(check.title).toBe('109 passed, 1 failed, 1 skipped');
    expect(check.failures).toEqual(['e2e › refund.e2e › refunds a split payment: boom in refunds a split payment']);
  });

  // Stated in README.md: "The check's title counts every test of the run"
  it('counts every shard of a green run', async () => {
    const { run, files } = runOf(
      '9002',
      {
        a: { 'junit.xml': suite('a', 10) },
        b: { 'junit.xml': suite('b', 20, [], 2), 'junit-2.xml': suite('b2', 5) },
        c: { 'junit.xml': suite('c', 7) },
      },
      { b: 250, c: 120 },
    );

    const check = await report(run, store(files));

    expect(check).toMatchObject({ conclusion: 'success', title: '42 passed, 0 failed, 2 skipped', failures: [] });
  });

  // Stated in src/ci/artifacts.ts: "Reads of large files can take several seconds."
  it('waits for reports that take seconds to read', async () => {
    const { run, files } = runOf('9003', {
      fast: { 'junit.xml': suite('fast', 12) },
      slow: { 'junit.xml': suite('slow', 400, ['times out on a cold cache']) },
    });

    const check = await report(run, store(files, (key) => (key.includes('/slow/') ? 6_500 : 15)));

    expect(check.conclusion).toBe('failure');
    expect(check.title).toBe('412 passed, 1 failed, 0 skipped');
  });

  // Stated in README.md: "a report that cannot be read or parsed makes the check fail"
  it('fails the check when a report cannot be parsed', async () => {
    const { run, files } = runOf('9004', {
      unit: { 'junit.xml': suite('unit', 30) },
      api: { 'junit.xml': suite('api', 10), 'junit-2.xml': '<html>502 Bad Gateway</html>' },
    });

    const check = await report(run, store(files));

    expect(check.conclusion).toBe('failure');
    expect(check.failures.join('\n')).toContain('junit-2.xml');
  });

  // Stated in README.md: "a report that cannot be read or parsed makes the check fail"
  it('fails the check when a listed report cannot be read', async () => {
    const { run, files } = runOf('9005', { unit: { 'junit.xml': suite('unit', 30), 'junit-2.xml': suite('unit2', 3) } });
    const artifacts = store(files);
    const flaky = { list: artifacts.list, read: (key: string) => (key.endsWith('junit-2.xml') ? wait(30).then(() => Promise.reject(new Error('SlowDown: 503'))) : artifacts.read(key)) };

    const check = await report(run, flaky);

    expect(check.conclusion).toBe('failure');
  });

  // Stated in src/ci/deploy-gate.ts: "a commit may go out only when the latest run of every required check"
  it('keeps a commit with a failing late report out of production', async () => {
    const { run, files } = runOf(
      '9006',
      { unit: { 'junit.xml': suite('unit', 80) }, browser: { 'junit.xml': suite('b1', 40), 'junit-2.xml': suite('b2', 40, ['renders the invoice']) } },
      { browser: 900 },
    );
    run.shards[1]!.exitCode = 1;
    const check = await report(run, store(files));
    const green = (name: string): CheckRun => ({ sha: run.sha, name, conclusion: 'success', title: '', failures: [] });

    expect(deployDecision(run.sha, [green('lint'), green('build'), check]).allowed).toBe(false);
  });
});
