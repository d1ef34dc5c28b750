import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClientEventDataSchemas } from '#app/attempts/events.ts'
import { describedEventTypes, RECORDED_SIGNALS, SERVER_EVENT_TYPES } from './recorded-signals.ts'

describe('what Hardmode records', () => {
	it('describes every event the workspace and the server put on a timeline', () => {
		const recorded = [...Object.keys(ClientEventDataSchemas), ...SERVER_EVENT_TYPES]
		const described = describedEventTypes()
		expect(recorded.filter((type) => !described.has(type))).toEqual([])
	})

	it('knows every event type the attempt commands write (a new one must be listed)', () => {
		const dir = path.resolve('app/models/attempt')
		const written = new Set<string>()
		for (const file of readdirSync(dir)) {
			for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/\btype: '([a-z][a-z.-]*)'/g)) written.add(match[1]!)
		}
		expect(written.size).toBeGreaterThanOrEqual(SERVER_EVENT_TYPES.length)
		expect([...written].filter((type) => !(SERVER_EVENT_TYPES as readonly string[]).includes(type))).toEqual([])
	})

	it('says for every signal who sees it and what it must not be used for', () => {
		for (const signal of RECORDED_SIGNALS.flatMap((group) => group.signals)) {
			expect(signal.seenBy, signal.id).toContain('you')
			expect(signal.notFor.length, signal.id).toBeGreaterThan(20)
		}
	})
})
