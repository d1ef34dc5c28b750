import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createCiServer } from '../../src/app'

const REPO = 'northwind/shipping-portal'

function badge(ci: ReturnType<typeof createCiServer>, branchInPath: string, style?: string) {
  const response = ci.handle({ method: 'GET', path: `/badge/${REPO}/${branchInPath}.svg`, query: style ? { style } : undefined })
  return { status: response.status, state: /data-state="(\w+)"/.exec(response.body)?.[1], cache: response.headers['x-badge-cache'] }
}

function build(ci: ReturnType<typeof createCiServer>, ref: string, status: 'passed' | 'failed', commit = 'abcdef1234') {
  const started = ci.pipeline.pushed(REPO, ref, commit)
  return ci.pipeline.finished(started.id, status)
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-11T14:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('badges follow finished builds at once, however the branch is spelled', () => {
  // Stated in src/web/router.ts: "clients percent-encode it ("%2F" or "%2f", depending on"
  it('updates a badge requested with a lower-case %2f', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/feature/label-printer', 'failed')
    expect(badge(ci, 'feature%2flabel-printer').state).toBe('failing')

    build(ci, 'refs/heads/feature/label-printer', 'passed')

    expect(badge(ci, 'feature%2flabel-printer').state).toBe('passing')
  })

  // Stated in src/web/router.ts: "or send it as-is, so everything between the repo and ".svg" is the branch"
  it('updates a badge requested with the slash as-is', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/release/3.1', 'failed')
    expect(badge(ci, 'release/3.1').state).toBe('failing')

    build(ci, 'refs/heads/release/3.1', 'passed')

    expect(badge(ci, 'release/3.1').state).toBe('passing')
  })

  // Stated in src/web/router.ts: "A branch name may contain "/": clients percent-encode it"
  it('updates a badge of a branch nested several levels deep', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/team/web/hotfix-12', 'passed')
    expect(badge(ci, 'team%2Fweb%2Fhotfix-12').state).toBe('passing')

    build(ci, 'refs/heads/team/web/hotfix-12', 'failed')

    expect(badge(ci, 'team%2Fweb%2Fhotfix-12').state).toBe('failing')
  })

  // Stated in src/badges/badgeService.ts: "a finished build changes its branch's badge in every style"
  it('updates every style and every spelling of the same badge', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/release/3.2', 'failed')
    const spellings = ['release%2F3.2', 'release%2f3.2', 'release/3.2']
    for (const spelling of spellings) for (const style of ['flat', 'plastic']) expect(badge(ci, spelling, style).state).toBe('failing')

    build(ci, 'refs/heads/release/3.2', 'passed')

    for (const spelling of spellings) for (const style of ['flat', 'plastic']) expect(badge(ci, spelling, style).state).toBe('passing')
  })

  // Stated in README.md: "The badge for `main` is always right"
  it('leaves other branches alone and keeps main right', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/main', 'failed')
    build(ci, 'refs/heads/release/3.0', 'failed')
    build(ci, 'refs/heads/release/3.1', 'failed')
    expect(badge(ci, 'release%2F3.0').state).toBe('failing')
    expect(badge(ci, 'main').state).toBe('failing')

    build(ci, 'refs/heads/release/3.1', 'passed')
    build(ci, 'refs/heads/main', 'passed')

    expect(badge(ci, 'release%2F3.1').state).toBe('passing')
    expect(badge(ci, 'release%2F3.0').state).toBe('failing')
    expect(badge(ci, 'main').state).toBe('passing')
  })

  // Stated in src/badges/badgeService.ts: "fetched on every page view, so rendered ones are kept"
  it('still serves repeated requests from the kept badge between builds', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/release/3.3', 'passed')
    expect(badge(ci, 'release%2F3.3').cache).toBe('miss')
    expect(badge(ci, 'release%2F3.3')).toEqual({ status: 200, state: 'passing', cache: 'hit' })
    expect(badge(ci, 'main').cache).toBe('miss')
    expect(badge(ci, 'main').cache).toBe('hit')
  })

  // Stated in src/web/router.ts: "A branch that is not a valid name answers 400."
  it('answers 400 for a branch with broken percent-encoding', () => {
    const ci = createCiServer()
    build(ci, 'refs/heads/main', 'passed')
    expect(badge(ci, 'release%E0%A4%A').status).toBe(400)
    expect(badge(ci, 'release%2F%2F3.1').status).toBe(400)
  })
})
