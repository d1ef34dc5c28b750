import { describe, expect, test } from 'vitest'
import { interleaveNextUp, type DueCheck, type NextUpCandidate, type NextUpItem } from './next-up.ts'

const day = (n: number) => new Date(Date.UTC(2026, 11, n))
const check = (slug: string, family: string, due: Date): DueCheck => ({ slug, family, due })
const fresh = (slug: string, family: string | null): NextUpCandidate => ({ slug, family })
const kinds = (items: NextUpItem[]) => items.map((item) => `${item.kind}:${item.slug}`)

const newOnes = [fresh('n1', 'alpha'), fresh('n2', 'beta'), fresh('n3', 'gamma'), fresh('n4', 'delta'), fresh('n5', 'epsilon')]

describe('interleaveNextUp', () => {
	test('serves at most one check for every two new exercises, most overdue check first', () => {
		const hoursAgo = (hours: number) => new Date(day(5).getTime() - hours * 3_600_000)
		const items = interleaveNextUp({
			checks: [check('c-late', 'race', hoursAgo(1)), check('c-oldest', 'cursor', hoursAgo(11)), check('c-mid', 'cache', hoursAgo(6))],
			fresh: newOnes,
			recent: [{ kind: 'check', family: 'money', at: day(5) }],
			limit: 8,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['new:n1', 'new:n2', 'check:c-oldest', 'new:n3', 'new:n4', 'check:c-mid', 'new:n5', 'check:c-late'])
	})

	test('a check half a day past due goes ahead of new work, so no gap drifts further', () => {
		const items = interleaveNextUp({
			checks: [check('c-today', 'race', day(5)), check('c-yesterday', 'cursor', new Date(day(5).getTime() - 13 * 3_600_000))],
			fresh: newOnes,
			recent: [{ kind: 'check', family: 'money', at: day(5) }],
			limit: 4,
			now: new Date(day(5).getTime() + 3_600_000),
		})
		expect(kinds(items)).toEqual(['check:c-yesterday', 'new:n1', 'new:n2', 'check:c-today'])
	})

	test('a due check goes first when the learner has done two new exercises since the last one', () => {
		const items = interleaveNextUp({
			checks: [check('c1', 'race', day(1))],
			fresh: newOnes,
			recent: [
				{ kind: 'check', family: 'cursor', at: day(5) },
				{ kind: 'new', family: 'beta', at: day(5) },
				{ kind: 'new', family: 'gamma', at: day(5) },
			],
			limit: 3,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['check:c1', 'new:n1', 'new:n2'])
	})

	test('never serves the family just practised again straight away', () => {
		const items = interleaveNextUp({
			checks: [check('c-race', 'race', day(1)), check('c-cursor', 'cursor', day(2))],
			fresh: [fresh('n-race', 'race'), fresh('n2', 'beta')],
			recent: [{ kind: 'new', family: 'race', at: day(5) }],
			moreChecks: true,
			limit: 4,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['check:c-cursor', 'check:c-race', 'new:n2', 'new:n-race'])
		for (let i = 1; i < items.length; i++) expect(items[i]!.family).not.toBe(items[i - 1]!.family)
	})

	test('a check of the family just practised waits for a later list rather than following it', () => {
		const items = interleaveNextUp({
			checks: [check('c-race', 'race', day(1))],
			fresh: [],
			recent: [{ kind: 'check', family: 'race', at: day(5) }],
			limit: 3,
			now: day(5),
		})
		expect(items).toEqual([])
	})

	test('when the learner asks for more, checks come as fast as the family rule allows', () => {
		const items = interleaveNextUp({
			checks: [check('c1', 'race', day(1)), check('c2', 'cursor', day(2))],
			fresh: newOnes,
			recent: [{ kind: 'check', family: 'money', at: day(5) }],
			moreChecks: true,
			limit: 3,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['check:c1', 'check:c2', 'new:n1'])
	})

	test('with nothing new left, the due checks are still served', () => {
		const items = interleaveNextUp({ checks: [check('c1', 'race', day(1)), check('c2', 'cursor', day(2))], fresh: [], recent: [], limit: 5, now: day(5) })
		expect(kinds(items)).toEqual(['check:c1', 'check:c2'])
	})

	test('exercises outside families (architecture) may follow each other', () => {
		const items = interleaveNextUp({
			checks: [],
			fresh: [fresh('a1', null), fresh('a2', null)],
			recent: [{ kind: 'new', family: null, at: day(5) }],
			limit: 2,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['new:a1', 'new:a2'])
	})

	test('stops at the limit, and an empty catalogue gives an empty list', () => {
		expect(interleaveNextUp({ checks: [], fresh: newOnes, recent: [], limit: 2, now: day(5) })).toHaveLength(2)
		expect(interleaveNextUp({ checks: [], fresh: [], recent: [], limit: 5, now: day(5) })).toEqual([])
	})

	test('a family practised more than a day ago may come next', () => {
		const items = interleaveNextUp({
			checks: [check('c-race', 'race', day(3))],
			fresh: [],
			recent: [{ kind: 'check', family: 'race', at: day(3) }],
			limit: 1,
			now: day(5),
		})
		expect(kinds(items)).toEqual(['check:c-race'])
	})
})
