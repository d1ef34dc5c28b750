import { type Build, type BuildStore } from '../ci/buildStore'
import { type Log } from '../ci/pipeline'
import { BADGE_STYLES, type BadgeState, type BadgeStyle, renderBadge } from './svg'

/** Badges are embedded in READMEs and fetched on every page view, so rendered ones are kept. */
export const BADGE_MAX_AGE_MS = 30 * 60_000

export type BadgeRequest = { repo: string; branch: string; style: BadgeStyle }

export type BadgeResponse = { svg: string; state: BadgeState; fromCache: boolean }

type Rendered = { svg: string; state: BadgeState; renderedAt: number }

const badgeKey = (repo: string, branch: string, style: BadgeStyle) => `${repo}|${branch}|${style}`

function stateOf(build: Build | undefined): BadgeState {
  if (!build) return 'unknown'
  return build.status === 'passed' ? 'passing' : 'failing'
}

export class BadgeService {
  private readonly builds: BuildStore
  private readonly log: Log
  private readonly rendered = new Map<string, Rendered>()

  constructor(builds: BuildStore, log: Log) {
    this.builds = builds
    this.log = log
  }

  badge(request: BadgeRequest): BadgeResponse {
    const key = badgeKey(request.repo, request.branch, request.style)
    const kept = this.rendered.get(key)
    if (kept && Date.now() - kept.renderedAt < BADGE_MAX_AGE_MS) {
      return { svg: kept.svg, state: kept.state, fromCache: true }
    }
    const state = stateOf(this.builds.latestFinished(request.repo, request.branch))
    const svg = renderBadge('build', state, request.style)
    this.rendered.set(key, { svg, state, renderedAt: Date.now() })
    return { svg, state, fromCache: false }
  }

  /** Subscribed to the pipeline: a finished build changes its branch's badge in every style. */
  buildFinished(build: Build): void {
    for (const style of BADGE_STYLES) this.rendered.delete(badgeKey(build.repo, build.branch, style))
    this.log(`badges invalidated repo=${build.repo} branch=${build.branch} styles=${BADGE_STYLES.join(',')}`)
  }
}
