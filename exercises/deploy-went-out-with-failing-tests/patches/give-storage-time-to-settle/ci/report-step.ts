import { TestSummary } from '../results/test-summary';
import { type ArtifactStore } from './artifacts';
import { collectShardResults } from './collect-results';
import { type Log } from './log';

export type PipelineRun = {
  id: string;
  sha: string;
  /** The test jobs of the run; every job uploads its JUnit files under its shard name. */
  shards: Array<{ name: string; exitCode: number }>;
};

export type CheckRun = {
  sha: string;
  name: string;
  conclusion: 'success' | 'failure';
  title: string;
  failures: string[];
};

export type CodeHost = { postCheck(check: CheckRun): Promise<void> };

/**
 * The last step of every pipeline: collect what the test shards reported and publish
 * the "tests" check on the commit. The deploy gate trusts that check.
 */
export async function reportTestResults(run: PipelineRun, deps: { store: ArtifactStore; host: CodeHost; log: Log }): Promise<CheckRun> {
  const summary = new TestSummary();
  try {
    await Promise.all(run.shards.map((shard) => collectShardResults(deps.store, run.id, shard.name, summary)));
    // Object storage reads can lag behind the listing; let them land before concluding.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  } catch (error) {
    summary.problem(`could not collect results: ${error instanceof Error ? error.message : String(error)}`);
  }

  const totals = summary.totals();
  for (const shard of run.shards) {
    const reportedFailures = summary.failures().some((failure) => failure.shard === shard.name);
    if (shard.exitCode !== 0 && !reportedFailures) {
      deps.log.warn(`run ${run.id}: shard ${shard.name} exited ${shard.exitCode} but its report lists no failed test`);
    }
  }
  const check: CheckRun = {
    sha: run.sha,
    name: 'tests',
    conclusion: summary.conclusion(),
    title: `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
    failures: [
      ...summary.problemsFound(),
      ...summary.failures().map((failure) => `${failure.shard} › ${failure.suite} › ${failure.test}${failure.message ? `: ${failure.message}` : ''}`),
    ],
  };
  deps.log.info(`run ${run.id}: tests ${check.conclusion} (${check.title})`);
  await deps.host.postCheck(check);
  return check;
}
