import type { Logger } from '../logger'
import { statusFor } from './builds'
import type { Build, BuildResult } from './builds'
import type { StatusReporter } from './status-reporter'

export interface BuildRequest {
  repo: string
  sha: string
  pipeline: string
}

/** Builds the runners are working on; every change of state is published to the pull request. */
export function createBuildQueue(reporter: StatusReporter, logger: Logger) {
  const builds = new Map<number, Build>()
  let nextId = 4100

  function mustGet(id: number): Build {
    const build = builds.get(id)
    if (!build) throw new Error(`unknown build #${id}`)
    return build
  }

  function start(request: BuildRequest): Build {
    if (!/^[\w-]+$/.test(request.pipeline)) throw new Error(`invalid pipeline name ${request.pipeline}`)
    const build: Build = { id: nextId++, ...request, startedAt: Date.now(), finishedAt: null, result: null }
    builds.set(build.id, build)
    logger.info(`build #${build.id} started for ${build.repo}@${build.sha.slice(0, 7)} (${build.pipeline})`)
    reporter.publish(build.repo, build.sha, statusFor(build))
    return { ...build }
  }

  function finish(id: number, result: BuildResult): Build {
    const build = mustGet(id)
    if (build.result !== null) throw new Error(`build #${id} already finished as ${build.result}`)
    build.result = result
    build.finishedAt = Date.now()
    logger.info(`build #${id} ${result}`)
    reporter.publish(build.repo, build.sha, statusFor(build))
    return { ...build }
  }

  return {
    start,
    finish,
    get: (id: number): Build => ({ ...mustGet(id) }),
    running: (): Build[] => [...builds.values()].filter((build) => build.result === null).map((build) => ({ ...build })),
  }
}

export type BuildQueue = ReturnType<typeof createBuildQueue>
