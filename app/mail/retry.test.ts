import { describe, expect, it } from 'vitest'
import { afterFailedTry, describeDeliveryError, MAX_ATTEMPTS, retryDelayMs } from './retry.ts'

describe('retrying a message', () => {
	it('waits twice as long after each failed try, up to an hour', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000])
		expect(retryDelayMs(8)).toBe(60 * 60_000)
		expect(retryDelayMs(12)).toBe(60 * 60_000)
	})

	it('keeps trying for several hours before it gives up', () => {
		const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => retryDelayMs(index + 1)).reduce((sum, delay) => sum + delay, 0)
		expect(total).toBeGreaterThan(6 * 60 * 60_000)
	})

	it('schedules the next try after a failure, and marks the message failed after the last', () => {
		const now = new Date('2026-12-08T10:00:00Z')
		expect(afterFailedTry(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-12-08T10:00:30Z') })
		expect(afterFailedTry(3, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-12-08T10:02:00Z') })
		expect(afterFailedTry(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' })
	})

	it('says why a try failed in words an admin can act on', () => {
		expect(describeDeliveryError(Object.assign(new Error('x'), { response: '451 4.3.0 Try again later', responseCode: 451 }))).toBe(
			'The mail server answered: 451 4.3.0 Try again later',
		)
		expect(describeDeliveryError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toBe(
			'Could not reach the mail server (connect ECONNREFUSED 127.0.0.1:2525).',
		)
		expect(describeDeliveryError('odd')).toBe('odd')
	})
})
