/**
 * The artifact store jobs upload to (object storage in production). Keys look like
 * "runs/<runId>/<shard>/junit-3.xml". Reads of large files can take several seconds.
 */
export type ArtifactStore = {
  /** Keys under `prefix`, in no particular order. */
  list(prefix: string): Promise<string[]>;
  read(key: string): Promise<string>;
};

export function shardPrefix(runId: string, shard: string): string {
  if (!/^[\w-]+$/.test(runId) || !/^[\w-]+$/.test(shard)) throw new Error(`invalid run or shard name: ${runId}/${shard}`);
  return `runs/${runId}/${shard}/`;
}

/** JUnit files are numbered when a runner splits its report: junit.xml, junit-2.xml, junit-3.xml… */
export function isJunitReport(key: string): boolean {
  return /\/junit(-\d+)?\.xml$/.test(key);
}
