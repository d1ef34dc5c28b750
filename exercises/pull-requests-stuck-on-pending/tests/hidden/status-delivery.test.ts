import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeCodeHost } from '../../src/codehost/fake-codehost'
import { createForge } from '../../src/forge'

const TOKEN = 'inst_forge_91bd'

function sha(n: number): string {
  return 'ab' + (n * 40503).toString(16).padStart(10, '0')
}

function world(writesPerMinute = 10, token = TOKEN) {
  const repos = { 'north/ledger': Array.from({ length: 30 }, (_, i) => sha(i + 1)), 'north/docs': [sha(200)] }
  const host = createFakeCodeHost({ token: TOKEN, repos, writesPerMinute })
  return { host, ...createForge(host.transport, token) }
}

function writesFor(host: ReturnType<typeof world>['host'], commit: string) {
  return host.audit().filter((entry) => entry.method === 'POST' && entry.path.endsWith(`/${commit}`))
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-02T08:59:50.000Z'))
})

describe('delivering commit statuses', () => {
  // Stated in README.md: "Every pull request must end up showing the result of its latest build"
  it('shows the final result on every commit after a burst over a tight rate limit', async () => {
    const { host, builds, reporter } = world(4)
    const started = Array.from({ length: 9 }, (_, i) => builds.start({ repo: 'north/ledger', sha: sha(i + 1), pipeline: 'ci' }))
    started.forEach((build, i) => setTimeout(() => builds.finish(build.id, i % 3 === 0 ? 'failed' : 'passed'), 3_000 + i * 2_000))

    await vi.advanceTimersByTimeAsync(20 * 60_000)

    expect(started.map((_, i) => host.checkOn('north/ledger', sha(i + 1), 'forge-ci/ci'))).toEqual(started.map((_, i) => (i % 3 === 0 ? 'failure' : 'success')))
    expect(reporter.inFlight()).toBe(0)
    expect(reporter.stats().dropped).toBe(0)
  })

  // Stated in README.md: "never sooner than the `retry-after` the code host asked for"
  it('waits for retry-after before sending a rate-limited status again', async () => {
    const { host, builds } = world(1)
    builds.start({ repo: 'north/ledger', sha: sha(1), pipeline: 'ci' })
    builds.start({ repo: 'north/ledger', sha: sha(2), pipeline: 'ci' })

    await vi.advanceTimersByTimeAsync(3 * 60_000)

    const writes = writesFor(host, sha(2))
    expect(writes[0]?.status).toBe(429)
    expect(writes.at(-1)?.status).toBe(201)
    for (const write of writes.slice(1)) expect(write.at >= '2026-02-02T09:00:00.000Z').toBe(true)
    expect(host.checkOn('north/ledger', sha(2), 'forge-ci/ci')).toBe('pending')
  })

  // Stated in README.md: "A status the code host refuses for good (unknown repository or commit, invalid data, a refused token) is dropped at once and counted as dropped"
  it('drops a status for a commit the code host does not know, after one request', async () => {
    const { host, builds, reporter } = world()
    builds.start({ repo: 'north/ledger', sha: 'deadbeef01', pipeline: 'ci' })

    await vi.advanceTimersByTimeAsync(30 * 60_000)

    expect(writesFor(host, 'deadbeef01').map((write) => write.status)).toEqual([422])
    expect(reporter.stats()).toEqual({ delivered: 0, retried: 0, dropped: 1 })
    expect(reporter.inFlight()).toBe(0)
  })

  // Stated in README.md: "A status the code host refuses for good (unknown repository or commit, invalid data, a refused token) is dropped at once and counted as dropped"
  it('drops a status for a repository the app cannot see, after one request', async () => {
    const { host, builds, reporter } = world()
    builds.start({ repo: 'north/archived-site', sha: sha(7), pipeline: 'ci' })

    await vi.advanceTimersByTimeAsync(30 * 60_000)

    expect(host.audit().map((entry) => entry.status)).toEqual([404])
    expect(reporter.stats()).toEqual({ delivered: 0, retried: 0, dropped: 1 })
  })

  // Stated in README.md: "the dropped count is what the on-call watches"
  it('counts each refused status once while the others are delivered', async () => {
    const { host, builds, reporter } = world()
    const good = builds.start({ repo: 'north/docs', sha: sha(200), pipeline: 'ci' })
    const gone = builds.start({ repo: 'north/ledger', sha: 'feedface99', pipeline: 'ci' })
    builds.finish(gone.id, 'passed')
    await vi.advanceTimersByTimeAsync(1_000)
    builds.finish(good.id, 'passed')

    await vi.advanceTimersByTimeAsync(30 * 60_000)

    expect(host.checkOn('north/docs', sha(200), 'forge-ci/ci')).toBe('success')
    const stats = reporter.stats()
    expect(stats.delivered).toBe(2)
    expect(stats.dropped).toBeGreaterThanOrEqual(1)
    expect(stats.dropped).toBeLessThanOrEqual(2)
    expect(writesFor(host, 'feedface99').every((write) => write.status === 422)).toBe(true)
    expect(writesFor(host, 'feedface99').length).toBeLessThanOrEqual(2)
  })

  // Stated in README.md: "A status the code host could not take right now (no answer, maintenance, rate limiting) is sent again later"
  it('delivers a status after maintenance answers and a dropped connection', async () => {
    const { host, builds, reporter } = world()
    host.failNext(503, 'no-answer', 503)
    const build = builds.start({ repo: 'north/ledger', sha: sha(5), pipeline: 'ci' })
    builds.finish(build.id, 'failed')

    await vi.advanceTimersByTimeAsync(10 * 60_000)

    expect(host.checkOn('north/ledger', sha(5), 'forge-ci/ci')).toBe('failure')
    expect(reporter.stats().dropped).toBe(0)
  })

  // Stated in README.md: "a finished build is never shown as pending again"
  it('never shows pending again once a rate-limited start is overtaken by the result', async () => {
    const { host, builds } = world(2)
    const first = builds.start({ repo: 'north/ledger', sha: sha(10), pipeline: 'ci' })
    const second = builds.start({ repo: 'north/ledger', sha: sha(11), pipeline: 'ci' })
    const third = builds.start({ repo: 'north/ledger', sha: sha(12), pipeline: 'ci' })
    await vi.advanceTimersByTimeAsync(2_000)
    builds.finish(third.id, 'passed')
    builds.finish(first.id, 'passed')
    builds.finish(second.id, 'passed')

    await vi.advanceTimersByTimeAsync(10 * 60_000)

    for (const n of [10, 11, 12]) expect(host.checkOn('north/ledger', sha(n), 'forge-ci/ci')).toBe('success')
  })

  // Stated in README.md: "A status the code host refuses for good (unknown repository or commit, invalid data, a refused token) is dropped at once and counted as dropped"
  it('drops statuses at once when the token is refused', async () => {
    const { host, builds, reporter } = world(10, 'inst_revoked')
    builds.start({ repo: 'north/ledger', sha: sha(3), pipeline: 'ci' })

    await vi.advanceTimersByTimeAsync(30 * 60_000)

    expect(host.audit().map((entry) => entry.status)).toEqual([401])
    expect(reporter.stats()).toEqual({ delivered: 0, retried: 0, dropped: 1 })
  })
})
