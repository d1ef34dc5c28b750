import { describe, expect, it } from 'vitest'
import { parseLoadArgs } from './seed-load.ts'

describe('seed:load arguments', () => {
	it('reads sizes and a target, and refuses what cannot work', () => {
		expect(parseLoadArgs(['--engineers', '40', '--teams', '4', '--database', 'pglite:/tmp/x', '--measure'])).toEqual({
			ok: true,
			database: 'pglite:/tmp/x',
			remove: false,
			measure: 'after',
			options: { engineers: 40, teams: 4 },
		})
		expect(parseLoadArgs(['--engineers', 'many'])).toEqual({ ok: false, message: '--engineers needs a whole number of at least 1' })
		expect(parseLoadArgs(['--engineers', '3', '--teams', '5'])).toEqual({ ok: false, message: 'There must be at least as many engineers as teams.' })
		expect(parseLoadArgs(['--everything'])).toEqual({ ok: false, message: 'Unknown option --everything' })
	})
})
