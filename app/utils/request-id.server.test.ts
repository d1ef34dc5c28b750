import { describe, expect, it } from 'vitest'
import { currentRequestId, requestIdFrom, withRequestId } from './request-id.server.ts'

describe('request ids', () => {
	it("keeps a load balancer's id and replaces one that could forge log lines", () => {
		expect(requestIdFrom('lb-7f3a.42:9')).toBe('lb-7f3a.42:9')
		expect(requestIdFrom('two words\nfake log line')).toMatch(/^[0-9a-f-]{36}$/)
		expect(requestIdFrom('x'.repeat(129))).toMatch(/^[0-9a-f-]{36}$/)
		expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/)
	})

	it('is known to everything the request awaits, and to nothing outside it', async () => {
		expect(currentRequestId()).toBeUndefined()
		const seen = await withRequestId('req-1', async () => {
			await new Promise((resolve) => setTimeout(resolve, 1))
			return currentRequestId()
		})
		expect(seen).toBe('req-1')
	})
})
