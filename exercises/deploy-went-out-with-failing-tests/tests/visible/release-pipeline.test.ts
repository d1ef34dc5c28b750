import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type CheckRun, type PipelineRun, reportTestResults } from '../../src/ci/report-step';
import { deployDecision } from '../../src/ci/deploy-gate';
import { createLog } from '../../src/ci/log';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Object storage: listings come in pages of 100 keys (40 ms each); a read takes 15 ms plus 1 ms per 2 KB.
function objectStore(files: Record<string, string>) {
  return {
    async list(prefix: string) {
      const keys = Object.keys(files).filter((key) => key.startsWith(prefix));
      await wait(40 * Math.max(1, Math.ceil(keys.length / 100)));
      return keys;
    },
    async read(key: string) {
      const body = files[key];
      await wait(15 + Math.floor((body?.length ?? 0) / 2048));
      if (body === undefined) throw new Error(`NoSuchKey: ${key}`);
      return body;
    },
  };
}

function junit(suite: string, passed: number, failed: string[] = [], skipped = 0): string {
  const cases = [
    ...Array.from({ length: passed }, (_, i) => `<testcase classname="${suite}" name="case ${i + 1}" time="0.01"/>`),
    ...failed.map((name) => `<testcase classname="${suite}" name="${name}" time="0.3"><failure message="assertion failed"/></testcase>`),
    ...Array.from({ length: skipped }, (_, i) => `<testcase classname="${suite}" name="skipped ${i + 1}"><skipped/></testcase>`),
  ];
  return `<?xml version="1.0"?>\n<testsuites><testsuite name="${suite}" tests="${cases.length}">\n${cases.join('\n')}\n</testsuite></testsuites>`;
}

// Run 8841 of the shop's monorepo: three unit shards, the API shard and the browser integration shard,
// which also uploads screenshots and traces next to its reports.
function run8841(integrationFailures: string[]) {
  const files: Record<string, string> = {
    'runs/8841/unit-1/junit.xml': junit('cart', 240, [], 2),
    'runs/8841/unit-2/junit.xml': junit('pricing', 310, [], 4),
    'runs/8841/unit-3/junit.xml': junit('search', 198, []),
    'runs/8841/api/junit.xml': junit('orders-api', 180),
    'runs/8841/api/junit-2.xml': junit('payments-api', 158, [], 6),
    'runs/8841/integration/junit.xml': junit('checkout.e2e', 112, integrationFailures),
    'runs/8841/integration/junit-2.xml': junit('account.e2e', 98),
    'runs/8841/integration/junit-3.xml': junit('search.e2e', 114),
  };
  for (let i = 0; i < 430; i++) files[`runs/8841/integration/screenshots/step-${i}.png`] = 'PNG';
  const run: PipelineRun = {
    id: '8841',
    sha: '9f3c2a17d0b4e6f1a2c3d4e5f60718293a4b5c6d',
    shards: ['unit-1', 'unit-2', 'unit-3', 'api', 'integration'].map((name) => ({
      name,
      exitCode: name === 'integration' && integrationFailures.length > 0 ? 1 : 0,
    })),
  };
  return { run, store: objectStore(files) };
}

function host() {
  const checks: CheckRun[] = [];
  return { checks, postCheck: async (check: CheckRun) => void checks.push(check) };
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(60_000);
  return promise;
}

describe('release pipeline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T11:20:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails the tests check when an integration test fails', async () => {
    const { run, store } = run8841(['applies the voucher after a card decline']);
    const codeHost = host();

    const check = await settle(reportTestResults(run, { store, host: codeHost, log: createLog() }));

    expect(check.conclusion).toBe('failure');
  });

  it('does not let a commit with a failing test through the deploy gate', async () => {
    const { run, store } = run8841(['applies the voucher after a card decline', 'keeps the basket after login']);
    const codeHost = host();
    const green = (name: string): CheckRun => ({ sha: run.sha, name, conclusion: 'success', title: 'ok', failures: [] });

    await settle(reportTestResults(run, { store, host: codeHost, log: createLog() }));
    const decision = deployDecision(run.sha, [green('lint'), green('build'), ...codeHost.checks]);

    expect(decision.allowed).toBe(false);
  });

  it('passes the tests check when every shard is green', async () => {
    const { run, store } = run8841([]);
    const check = await settle(reportTestResults(run, { store, host: host(), log: createLog() }));

    expect(check.conclusion).toBe('success');
  });

  it('fails the tests check when a shard uploaded no report', async () => {
    const { run, store } = run8841([]);
    run.shards.push({ name: 'contract', exitCode: 0 });

    const check = await settle(reportTestResults(run, { store, host: host(), log: createLog() }));

    expect(check.conclusion).toBe('failure');
    expect(check.failures).toEqual(['shard contract uploaded no test report']);
  });

  it('only deploys commits whose required checks are all green', () => {
    const sha = 'abc1234def';
    const check = (name: string, conclusion: 'success' | 'failure'): CheckRun => ({ sha, name, conclusion, title: name, failures: [] });

    expect(deployDecision(sha, [check('lint', 'success'), check('build', 'success')])).toEqual({
      allowed: false,
      reasons: ['tests: no result for abc1234'],
    });
    expect(deployDecision(sha, [check('lint', 'success'), check('build', 'success'), check('tests', 'failure'), check('tests', 'success')]).allowed).toBe(true);
  });
});
