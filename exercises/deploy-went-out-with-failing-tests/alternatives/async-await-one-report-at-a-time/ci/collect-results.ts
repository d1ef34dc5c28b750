import { parseJunit } from '../results/junit';
import { type TestSummary } from '../results/test-summary';
import { type ArtifactStore, isJunitReport, shardPrefix } from './artifacts';

/**
 * Reads every JUnit report one shard uploaded and adds it to the summary. A shard that
 * uploaded no report at all is recorded as a problem.
 */
export async function collectShardResults(store: ArtifactStore, runId: string, shard: string, summary: TestSummary): Promise<void> {
  const keys = await store.list(shardPrefix(runId, shard));
  const reports = keys.filter(isJunitReport).sort();
  if (reports.length === 0) {
    summary.problem(`shard ${shard} uploaded no test report`);
    return;
  }
  for (const key of reports) {
    const xml = await store.read(key);
    summary.add(shard, parseJunit(xml, key));
  }
}
