import { parseJunit } from '../results/junit';
import { type TestSummary } from '../results/test-summary';
import { type ArtifactStore, isJunitReport, shardPrefix } from './artifacts';

/**
 * Reads every JUnit report one shard uploaded and adds it to the summary. A shard that
 * uploaded no report at all is recorded as a problem.
 */
export function collectShardResults(store: ArtifactStore, runId: string, shard: string, summary: TestSummary): Promise<void> {
  return store.list(shardPrefix(runId, shard)).then((keys) => {
    const reports = keys.filter(isJunitReport).sort();
    if (reports.length === 0) {
      summary.problem(`shard ${shard} uploaded no test report`);
      return;
    }
    // Returned, so the caller's promise settles only once every report has been read and
    // added (and rejects if one cannot be read or parsed).
    return Promise.all(
      reports.map((key) =>
        store.read(key).then((xml) => {
          summary.add(shard, parseJunit(xml, key));
        }),
      ),
    ).then(() => undefined);
  });
}
