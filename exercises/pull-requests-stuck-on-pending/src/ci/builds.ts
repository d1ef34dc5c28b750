import type { StatusInput } from '../codehost/client'

export type BuildResult = 'passed' | 'failed' | 'errored' | 'cancelled'

export interface Build {
  id: number
  repo: string
  sha: string
  pipeline: string
  startedAt: number
  finishedAt: number | null
  result: BuildResult | null
}

export const CI_BASE_URL = 'https://ci.forge.example'

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds}s`
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`
}

/** The commit status a build should show on its pull request right now. */
export function statusFor(build: Build): StatusInput {
  const context = `forge-ci/${build.pipeline}`
  const targetUrl = `${CI_BASE_URL}/${build.repo}/builds/${build.id}`
  if (build.result === null) return { state: 'pending', context, targetUrl, description: `Build #${build.id} is running` }
  const took = formatDuration((build.finishedAt ?? build.startedAt) - build.startedAt)
  switch (build.result) {
    case 'passed':
      return { state: 'success', context, targetUrl, description: `Build #${build.id} passed in ${took}` }
    case 'failed':
      return { state: 'failure', context, targetUrl, description: `Build #${build.id} failed after ${took}` }
    case 'errored':
      return { state: 'error', context, targetUrl, description: `Build #${build.id} could not run (infrastructure error)` }
    case 'cancelled':
      return { state: 'error', context, targetUrl, description: `Build #${build.id} was cancelled` }
  }
}
