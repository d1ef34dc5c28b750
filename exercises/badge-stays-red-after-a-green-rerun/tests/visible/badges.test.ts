import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createCiServer } from '../../src/app'

const stateOf = (svg: string) => /data-state="(\w+)"/.exec(svg)?.[1]

function setup() {
  const ci = createCiServer({ 'acme/payments-api': '#payments-ci' })
  const main = ci.pipeline.pushed('acme/payments-api', 'refs/heads/main', '4be1c07a9d')
  ci.pipeline.finished(main.id, 'failed')
  const release = ci.pipeline.pushed('acme/payments-api', 'refs/heads/release/2.4', '91f0c3e2aa')
  ci.pipeline.finished(release.id, 'failed')
  return { ci, main, release }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-08T09:30:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('build badges', () => {
  it('turns the main badge green after a green build', async () => {
    const { ci } = setup()
    expect(stateOf(ci.handle({ method: 'GET', path: '/badge/acme/payments-api/main.svg' }).body)).toBe('failing')

    const fix = ci.pipeline.pushed('acme/payments-api', 'refs/heads/main', '0d2a9f3c11')
    await vi.advanceTimersByTimeAsync(190_000)
    ci.pipeline.finished(fix.id, 'passed')

    expect(stateOf(ci.handle({ method: 'GET', path: '/badge/acme/payments-api/main.svg' }).body)).toBe('passing')
  })

  it('turns the release/2.4 badge green after a green rerun', async () => {
    const { ci, release } = setup()
    const before = ci.handle({ method: 'GET', path: '/badge/acme/payments-api/release%2F2.4.svg' })
    expect(stateOf(before.body)).toBe('failing')

    const rerun = ci.pipeline.rerun(release)
    await vi.advanceTimersByTimeAsync(192_000)
    ci.pipeline.finished(rerun.id, 'passed')
    await vi.advanceTimersByTimeAsync(22_000)

    const after = ci.handle({ method: 'GET', path: '/badge/acme/payments-api/release%2F2.4.svg' })
    expect(stateOf(after.body)).toBe('passing')
  })

  it('lists the latest status of every branch on the dashboard', async () => {
    const { ci, release } = setup()
    const rerun = ci.pipeline.rerun(release)
    await vi.advanceTimersByTimeAsync(60_000)
    ci.pipeline.finished(rerun.id, 'passed')

    const response = ci.handle({ method: 'GET', path: '/api/repos/acme/payments-api/branches' })
    expect(JSON.parse(response.body)).toEqual([
      { branch: 'main', status: 'failed', build: 1801 },
      { branch: 'release/2.4', status: 'passed', build: 1803 },
    ])
  })

  it('posts finished builds to the team channel', async () => {
    const { ci, release } = setup()
    const rerun = ci.pipeline.rerun(release)
    await vi.advanceTimersByTimeAsync(192_000)
    ci.pipeline.finished(rerun.id, 'passed')

    expect(ci.chat.outbox.at(-1)).toEqual({ channel: '#payments-ci', text: '✅ acme/payments-api release/2.4 #1803 passed (3m12s)' })
  })

  it('refuses unknown styles and repositories', () => {
    const { ci } = setup()
    expect(ci.handle({ method: 'GET', path: '/badge/acme/payments-api/main.svg', query: { style: 'round' } }).status).toBe(400)
    expect(ci.handle({ method: 'GET', path: '/badge/acme/ledger/main.svg' }).status).toBe(404)
  })
})
