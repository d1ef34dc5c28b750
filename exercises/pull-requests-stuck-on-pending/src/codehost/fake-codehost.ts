import type { HttpRequest, HttpResponse } from '../http/transport'
import { TransportError } from '../http/transport'

interface StoredStatus {
  id: number
  state: string
  context: string
  description: string
  target_url: string
  created_at: string
}

export interface AuditEntry {
  at: string
  method: string
  path: string
  status: number | 'no answer'
}

/**
 * In-memory code host speaking the same HTTP API as the real one (used by tests and the
 * staging stack). Documented behaviour it reproduces:
 *   201 status created
 *   401 missing or unknown token
 *   404 repository not found, or the app is not installed on it
 *   422 validation failed (no commit with that sha, unknown state)
 *   429 more than `writesPerMinute` status writes in the current minute; `retry-after`
 *       says in how many seconds the next minute starts
 *   503 maintenance (see failNext)
 */
export function createFakeCodeHost({ token, repos, writesPerMinute = 10 }: { token: string; repos: Record<string, string[]>; writesPerMinute?: number }) {
  const statuses = new Map<string, StoredStatus[]>()
  const audit: AuditEntry[] = []
  const faults: ('no-answer' | 503)[] = []
  let nextId = 1
  let window = { minute: -1, writes: 0 }

  function answer(request: HttpRequest, status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
    audit.push({ at: new Date().toISOString(), method: request.method, path: request.path, status })
    return { status, headers: { 'content-type': 'application/json', ...headers }, body }
  }

  async function transport(request: HttpRequest): Promise<HttpResponse> {
    await new Promise((resolve) => setTimeout(resolve, 40))
    const fault = faults.shift()
    if (fault === 'no-answer') {
      audit.push({ at: new Date().toISOString(), method: request.method, path: request.path, status: 'no answer' })
      throw new TransportError(`connection reset: ${request.method} ${request.path}`)
    }
    if (fault === 503) return answer(request, 503, { message: 'Service unavailable' }, { 'retry-after': '20' })
    if (request.headers?.authorization !== `Bearer ${token}`) return answer(request, 401, { message: 'Bad credentials' })

    const match = /^\/repos\/([^/]+\/[^/]+)\/statuses\/([0-9a-f]+)$/.exec(request.path)
    const repo = match?.[1]
    if (!match || !repo || !(repo in repos)) return answer(request, 404, { message: 'Not Found' })
    const sha = match[2]!
    if (!repos[repo]!.includes(sha)) return answer(request, 422, { message: `No commit found for SHA: ${sha}` })
    const key = `${repo}@${sha}`

    const minute = Math.floor(Date.now() / 60_000)
    if (window.minute !== minute) window = { minute, writes: 0 }
    if (window.writes >= writesPerMinute) {
      const seconds = Math.ceil(((minute + 1) * 60_000 - Date.now()) / 1000)
      return answer(request, 429, { message: 'API rate limit exceeded for installation' }, { 'retry-after': String(seconds) })
    }
    const input = request.body as { state: string; context: string; description: string; target_url: string }
    if (!['pending', 'success', 'failure', 'error'].includes(input.state)) return answer(request, 422, { message: `Invalid state ${input.state}` })
    window.writes += 1
    const stored: StoredStatus = { id: nextId++, ...input, created_at: new Date().toISOString() }
    statuses.set(key, [...(statuses.get(key) ?? []), stored])
    return answer(request, 201, stored)
  }

  function latestPerContext(list: StoredStatus[]): StoredStatus[] {
    const byContext = new Map<string, StoredStatus>()
    for (const status of list) byContext.set(status.context, status)
    return [...byContext.values()]
  }

  return {
    transport,
    /** What the pull request page shows for a check: the newest status of that context. */
    checkOn: (repo: string, sha: string, context: string) => latestPerContext(statuses.get(`${repo}@${sha}`) ?? []).find((s) => s.context === context)?.state ?? null,
    audit: (): AuditEntry[] => audit.map((entry) => ({ ...entry })),
    failNext: (...next: ('no-answer' | 503)[]) => faults.push(...next),
  }
}

export type FakeCodeHost = ReturnType<typeof createFakeCodeHost>
