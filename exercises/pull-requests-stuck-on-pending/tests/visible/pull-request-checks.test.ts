import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeCodeHost } from '../../src/codehost/fake-codehost'
import { createForge } from '../../src/forge'

const TOKEN = 'inst_forge_7f3a'

function sha(n: number): string {
  return (n * 2654435761).toString(16).padStart(8, '0').slice(0, 8) + 'c0ffee'
}

function world(writesPerMinute = 10) {
  const repos = { 'acme/web': Array.from({ length: 20 }, (_, i) => sha(i + 1)), 'acme/api': [sha(101), sha(102)] }
  const host = createFakeCodeHost({ token: TOKEN, repos, writesPerMinute })
  return { host, ...createForge(host.transport, TOKEN) }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-12T09:00:00.000Z'))
})

describe('pull request checks', () => {
  it('shows the result of every build after the Monday morning rush', async () => {
    const { host, builds } = world()
    const started = Array.from({ length: 14 }, (_, i) => builds.start({ repo: 'acme/web', sha: sha(i + 1), pipeline: 'build' }))
    started.forEach((build, i) => setTimeout(() => builds.finish(build.id, i % 5 === 3 ? 'failed' : 'passed'), 20_000 + i * 9_000))

    await vi.advanceTimersByTimeAsync(15 * 60_000)

    const shown = started.map((_, i) => host.checkOn('acme/web', sha(i + 1), 'forge-ci/build'))
    expect(shown).toEqual(started.map((_, i) => (i % 5 === 3 ? 'failure' : 'success')))
  })

  it('shows a running build as pending, then its result', async () => {
    const { host, builds } = world()
    const build = builds.start({ repo: 'acme/api', sha: sha(101), pipeline: 'build' })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(host.checkOn('acme/api', sha(101), 'forge-ci/build')).toBe('pending')

    builds.finish(build.id, 'passed')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(host.checkOn('acme/api', sha(101), 'forge-ci/build')).toBe('success')
  })

  it('keeps one check per pipeline on the same commit', async () => {
    const { host, builds } = world()
    const unit = builds.start({ repo: 'acme/api', sha: sha(102), pipeline: 'unit' })
    const lint = builds.start({ repo: 'acme/api', sha: sha(102), pipeline: 'lint' })
    builds.finish(lint.id, 'failed')
    await vi.advanceTimersByTimeAsync(5_000)
    builds.finish(unit.id, 'passed')
    await vi.advanceTimersByTimeAsync(5_000)

    expect(host.checkOn('acme/api', sha(102), 'forge-ci/unit')).toBe('success')
    expect(host.checkOn('acme/api', sha(102), 'forge-ci/lint')).toBe('failure')
  })

  it('sends the status again when the connection drops', async () => {
    const { host, builds, reporter } = world()
    host.failNext('no-answer', 'no-answer')
    builds.start({ repo: 'acme/web', sha: sha(3), pipeline: 'build' })

    await vi.advanceTimersByTimeAsync(60_000)

    expect(host.checkOn('acme/web', sha(3), 'forge-ci/build')).toBe('pending')
    expect(reporter.stats()).toEqual({ delivered: 1, retried: 2, dropped: 0 })
    expect(reporter.inFlight()).toBe(0)
  })

  it('never puts a finished build back to pending while a retry waits', async () => {
    const { host, builds } = world()
    host.failNext(503)
    const build = builds.start({ repo: 'acme/web', sha: sha(4), pipeline: 'build' })
    await vi.advanceTimersByTimeAsync(5_000)
    builds.finish(build.id, 'passed')

    await vi.advanceTimersByTimeAsync(5 * 60_000)

    expect(host.checkOn('acme/web', sha(4), 'forge-ci/build')).toBe('success')
  })
})
