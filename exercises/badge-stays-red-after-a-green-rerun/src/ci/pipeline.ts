import { type Build, type BuildStore } from './buildStore'

export type BuildListener = (build: Build) => void

export type Log = (line: string) => void

/**
 * Starts and finishes builds as the runners report them, and tells every listener
 * (badges, chat) when a build has finished.
 */
export class Pipeline {
  private readonly store: BuildStore
  private readonly log: Log
  private readonly listeners: BuildListener[] = []

  constructor(store: BuildStore, log: Log) {
    this.store = store
    this.log = log
  }

  onFinished(listener: BuildListener): void {
    this.listeners.push(listener)
  }

  /** A push webhook: `ref` is what the forge sends, e.g. "refs/heads/main". */
  pushed(repo: string, ref: string, commit: string): Build {
    if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error(`not a commit sha: ${commit}`)
    const build = this.store.start(repo, ref, commit, Date.now())
    this.log(`build.started ${repo}#${build.id} branch=${build.branch} commit=${commit.slice(0, 7)}`)
    return build
  }

  /** A rerun builds the same commit again as a new build. */
  rerun(previous: Build): Build {
    return this.pushed(previous.repo, previous.branch, previous.commit)
  }

  finished(buildId: number, status: 'passed' | 'failed'): Build {
    const build = this.store.finish(buildId, status, Date.now())
    this.log(`build.finished ${build.repo}#${build.id} branch=${build.branch} status=${status}`)
    for (const listener of this.listeners) {
      try {
        listener(build)
      } catch (error) {
        this.log(`listener failed for #${build.id}: ${(error as Error).message}`)
      }
    }
    return build
  }
}
