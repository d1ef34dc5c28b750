import { type BadgeService } from '../badges/badgeService'
import { BADGE_STYLES, type BadgeStyle } from '../badges/svg'
import { BadBranchError, canonicalBranch } from '../ci/branches'
import { type BuildStore } from '../ci/buildStore'

export type HttpRequest = { method: string; path: string; query?: Record<string, string> }

export type HttpResponse = { status: number; headers: Record<string, string>; body: string }

// GET /badge/<owner>/<repo>/<branch>.svg?style=flat|plastic
// A branch name may contain "/": clients percent-encode it ("%2F" or "%2f", depending on
// the client) or send it as-is, so everything between the repo and ".svg" is the branch.
// A branch that is not a valid name answers 400.
const BADGE_ROUTE = /^\/badge\/([\w.-]+)\/([\w.-]+)\/(.+)\.svg$/
// GET /api/repos/<owner>/<repo>/branches: the dashboard's list, read straight from the store.
const BRANCHES_ROUTE = /^\/api\/repos\/([\w.-]+)\/([\w.-]+)\/branches$/

const text = (status: number, body: string): HttpResponse => ({ status, headers: { 'content-type': 'text/plain' }, body })

export function createRouter(badges: BadgeService, builds: BuildStore) {
  return function handle(request: HttpRequest): HttpResponse {
    if (request.method !== 'GET') return text(405, 'method not allowed')

    const badge = BADGE_ROUTE.exec(request.path)
    if (badge) {
      const [, owner, name, branch] = badge as unknown as [string, string, string, string]
      const repo = `${owner}/${name}`
      if (!builds.repos().includes(repo)) return text(404, `unknown repository ${repo}`)
      const style = (request.query?.style ?? 'flat') as BadgeStyle
      if (!BADGE_STYLES.includes(style)) return text(400, `style must be one of ${BADGE_STYLES.join(', ')}`)
      try {
        const result = badges.badge({ repo, branch: canonicalBranch(branch), style })
        return {
          status: 200,
          headers: { 'content-type': 'image/svg+xml', 'x-badge-cache': result.fromCache ? 'hit' : 'miss' },
          body: result.svg,
        }
      } catch (error) {
        if (error instanceof BadBranchError) return text(400, error.message)
        throw error
      }
    }

    const branches = BRANCHES_ROUTE.exec(request.path)
    if (branches) {
      const repo = `${branches[1]}/${branches[2]}`
      const rows = builds.branches(repo).map((branch) => {
        const latest = builds.latestFinished(repo, branch)
        return { branch, status: latest?.status ?? null, build: latest?.id ?? null }
      })
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) }
    }

    return text(404, 'not found')
  }
}
