import { canonicalBranch } from './branches'

export type BuildStatus = 'running' | 'passed' | 'failed'

export type Build = {
  id: number
  repo: string
  branch: string
  commit: string
  status: BuildStatus
  startedAt: number
  finishedAt: number | null
}

/** Every build the CI has run; the dashboard and the badges read from here. */
export class BuildStore {
  private readonly builds: Build[] = []

  start(repo: string, branch: string, commit: string, at: number): Build {
    const build: Build = {
      id: 1800 + this.builds.length + 1,
      repo,
      branch: canonicalBranch(branch),
      commit,
      status: 'running',
      startedAt: at,
      finishedAt: null,
    }
    this.builds.push(build)
    return { ...build }
  }

  finish(id: number, status: 'passed' | 'failed', at: number): Build {
    const build = this.builds.find((candidate) => candidate.id === id)
    if (!build) throw new Error(`unknown build #${id}`)
    if (build.status !== 'running') throw new Error(`build #${id} already finished (${build.status})`)
    build.status = status
    build.finishedAt = at
    return { ...build }
  }

  /** The most recently finished build of a branch; reruns count like any other build. */
  latestFinished(repo: string, branch: string): Build | undefined {
    const name = canonicalBranch(branch)
    let latest: Build | undefined
    for (const build of this.builds) {
      if (build.repo !== repo || build.branch !== name || build.finishedAt === null) continue
      if (!latest || build.finishedAt >= latest.finishedAt!) latest = build
    }
    return latest ? { ...latest } : undefined
  }

  repos(): string[] {
    return [...new Set(this.builds.map((build) => build.repo))].sort()
  }

  branches(repo: string): string[] {
    return [...new Set(this.builds.filter((build) => build.repo === repo).map((build) => build.branch))].sort()
  }
}
