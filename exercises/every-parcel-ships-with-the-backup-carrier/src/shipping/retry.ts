import { CarrierHttpError, RetriesExhaustedError } from '../carriers/errors'
import type { Logger } from '../logger'

export interface RetryPolicy {
  /** Name used in the log, e.g. "nordpost.createLabel". */
  operation: string
  attempts: number
  /** Wait before the second attempt; doubled before each further one. */
  baseDelayMs: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A refusal by the carrier (4xx other than 429) will not change on a retry; anything else might. */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof CarrierHttpError) || error.transient
}

/**
 * Wraps a call so that failures worth another try are retried with exponential backoff.
 * After the last attempt the wrapper throws RetriesExhaustedError (the last failure is its
 * `cause`); a failure not worth retrying is thrown as it is, at once.
 */
export function withRetries<A extends unknown[], R>(call: (...args: A) => Promise<R>, policy: RetryPolicy, logger: Logger): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(...args)
      } catch (error) {
        if (!worthRetrying(error)) throw error
        if (attempt >= policy.attempts) throw new RetriesExhaustedError(policy.operation, attempt, error)
        const delay = policy.baseDelayMs * 2 ** (attempt - 1)
        logger.warn(`${policy.operation}: attempt ${attempt}/${policy.attempts} failed, retrying in ${delay} ms`)
        await sleep(delay)
      }
    }
  }
}
