import { describe, expect, it } from 'vitest'
import { EMPTY_QUEUE_QUERY, isQueueFiltered, parseQueueQuery, queueSearch, waitingCutoff, waitingLabel, waitingTone } from './queue-filter.ts'

const TEAM = 'cmteam000000000000000001'
const now = new Date('2026-12-07T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)
const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('the review queue’s query string', () => {
	it('reads every filter and writes it back the same', () => {
		const search = `?team=${TEAM}&exercise=retry-storm&source=self&waiting=7d&sort=newest`
		const query = parseQueueQuery(new URLSearchParams(search))
		expect(query).toEqual({ team: TEAM, exercise: 'retry-storm', source: 'self', waiting: '7d', sort: 'newest' })
		expect(queueSearch(query)).toBe(search)
		expect(isQueueFiltered(query)).toBe(true)
	})

	it('is empty for the whole queue, oldest first, and keeps extra parameters after the filters', () => {
		expect(queueSearch(EMPTY_QUEUE_QUERY)).toBe('')
		expect(isQueueFiltered({ ...EMPTY_QUEUE_QUERY, sort: 'newest' })).toBe(false)
		expect(queueSearch({ ...EMPTY_QUEUE_QUERY, waiting: '3d' }, { saved: 'abc' })).toBe('?waiting=3d&saved=abc')
	})

	it('treats a malformed or unknown value as “any”, keeping the filters that make sense', () => {
		const query = parseQueueQuery(new URLSearchParams('team=../../etc&exercise=Retry%20Storm&source=mine&waiting=2d&sort=random&extra=1'))
		expect(query).toEqual(EMPTY_QUEUE_QUERY)
		expect(parseQueueQuery(new URLSearchParams('team=&exercise=&source=assigned'))).toEqual({ ...EMPTY_QUEUE_QUERY, source: 'assigned' })
	})

	it('takes the first of a repeated key', () => {
		expect(parseQueueQuery(new URLSearchParams('waiting=3d&waiting=7d')).waiting).toBe('3d')
	})
})

describe('waiting time', () => {
	it('says how long an attempt has waited, in the unit a lead reads at a glance', () => {
		expect(waitingLabel(ago(10_000), now)).toBe('waiting 1 min')
		expect(waitingLabel(ago(40 * 60_000), now)).toBe('waiting 40 min')
		expect(waitingLabel(ago(5 * HOUR + 59 * 60_000), now)).toBe('waiting 5 h')
		expect(waitingLabel(ago(DAY + HOUR), now)).toBe('waiting 1 day')
		expect(waitingLabel(ago(4 * DAY), now)).toBe('waiting 4 days')
		expect(waitingLabel(ago(22 * DAY), now)).toBe('waiting 3 weeks')
	})

	it('marks a week or more as one to look at', () => {
		expect(waitingTone(ago(6 * DAY + 23 * HOUR), now)).toBe('neutral')
		expect(waitingTone(ago(7 * DAY), now)).toBe('warning')
	})

	it('counts “more than 3 days” from the moment three days ago', () => {
		expect(waitingCutoff('3d', now).toISOString()).toBe('2026-12-04T12:00:00.000Z')
		expect(waitingCutoff('7d', now).toISOString()).toBe('2026-11-30T12:00:00.000Z')
	})
})
