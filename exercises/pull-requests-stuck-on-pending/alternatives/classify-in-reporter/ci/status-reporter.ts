import { CodeHostHttpError, CodeHostUnavailableError } from '../codehost/client'
import type { CodeHostClient, StatusInput } from '../codehost/client'
import { TransportError } from '../http/transport'
import type { Logger } from '../logger'

export interface ReporterOptions {
  /** Wait before each retry; a `retry-after` from the code host wins when it is longer. */
  backoffMs?: number[]
  maxAttempts?: number
}

interface Slot {
  repo: string
  sha: string
  status: StatusInput
  attempts: number
  timer: ReturnType<typeof setTimeout> | null
  sending: boolean
}

function isRetryable(error: unknown): boolean {
  if (error instanceof CodeHostHttpError) return error.status === 429 || error.status === 408 || error.status >= 500
  return error instanceof TransportError || error instanceof CodeHostUnavailableError
}

function retryAfterOf(error: unknown): number {
  if (error instanceof CodeHostUnavailableError || error instanceof CodeHostHttpError) return error.retryAfterMs ?? 0
  return 0
}

/**
 * Pushes build states to the code host as commit statuses. One slot per commit and check:
 * a newer state replaces one that is still waiting for a retry, so a pull request never
 * goes back from "success" to "pending".
 */
export function createStatusReporter(client: CodeHostClient, logger: Logger, options: ReporterOptions = {}) {
  const backoffMs = options.backoffMs ?? [2_000, 10_000, 60_000, 300_000]
  const maxAttempts = options.maxAttempts ?? 5
  const slots = new Map<string, Slot>()
  const stats = { delivered: 0, retried: 0, dropped: 0 }

  function publish(repo: string, sha: string, status: StatusInput): void {
    const key = `${repo}@${sha}#${status.context}`
    const slot = slots.get(key)
    if (!slot) {
      slots.set(key, { repo, sha, status, attempts: 0, timer: null, sending: false })
      void deliver(key)
      return
    }
    slot.status = status
    slot.attempts = 0
    if (slot.timer !== null) {
      clearTimeout(slot.timer)
      slot.timer = null
      void deliver(key)
    }
  }

  async function deliver(key: string): Promise<void> {
    const slot = slots.get(key)
    if (!slot || slot.sending) return
    const status = slot.status
    const label = `${slot.repo}@${slot.sha.slice(0, 7)} ${status.context}=${status.state}`
    slot.timer = null
    slot.sending = true
    slot.attempts += 1
    try {
      await client.setCommitStatus(slot.repo, slot.sha, status)
      stats.delivered += 1
      logger.info(`${label} delivered (attempt ${slot.attempts})`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (slot.status === status && isRetryable(error) && slot.attempts < maxAttempts) {
        const wait = Math.max(backoffMs[Math.min(slot.attempts, backoffMs.length) - 1]!, retryAfterOf(error))
        stats.retried += 1
        logger.warn(`${label} failed (${message}); retrying in ${wait / 1000}s`)
        slot.sending = false
        slot.timer = setTimeout(() => void deliver(key), wait)
        return
      }
      if (slot.status === status) {
        stats.dropped += 1
        logger.error(`${label} dropped after ${slot.attempts} attempt(s): ${message}`)
      }
    }
    slot.sending = false
    if (slot.status === status) slots.delete(key)
    else void deliver(key)
  }

  return {
    publish,
    /** Deliveries still waiting for a retry or an answer. */
    inFlight: (): number => slots.size,
    stats: () => ({ ...stats }),
  }
}

export type StatusReporter = ReturnType<typeof createStatusReporter>
