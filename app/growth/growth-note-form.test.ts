import { describe, expect, it } from 'vitest'
import { noteDatedAt } from './growth-note-form.ts'

const period = { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') }

describe('noteDatedAt', () => {
	it('dates a note written after the period to the period’s last moment, so that report shows it', () => {
		expect(noteDatedAt(period, new Date('2026-12-07T10:00:00Z'))).toEqual(new Date('2026-09-30T23:59:59.999Z'))
	})

	it('keeps the moment of writing while the period lasts', () => {
		const now = new Date('2026-08-15T10:00:00Z')
		expect(noteDatedAt(period, now)).toEqual(now)
	})

	it('dates a note for a period not begun yet to its first moment', () => {
		expect(noteDatedAt(period, new Date('2026-06-01T10:00:00Z'))).toEqual(period.from)
	})
})
