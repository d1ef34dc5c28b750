import { describe, expect, it } from 'vitest'
import { nextStepAfter, type NextStepInput } from './next-step.ts'

const base: NextStepInput = {
	exerciseSlug: 'retry-storm',
	assignment: null,
	openAssignments: [],
	suggestion: { exercise: { slug: 'cursor-off-by-one', title: 'A cursor off by one' }, reason: 'Matches your level' },
}

describe('the next step after an attempt ends', () => {
	it('leads back to the assignments when the attempt was assigned, naming the next one waiting', () => {
		const step = nextStepAfter({
			...base,
			assignment: { id: 'a1', team: 'Checkout' },
			openAssignments: [
				{ id: 'a1', exercise: { slug: 'retry-storm', title: 'Retry storm' } },
				{ id: 'a2', exercise: { slug: 'stale-cache', title: 'A stale cache' } },
			],
		})
		expect(step.primary).toEqual({ href: '/dashboard', label: 'Back to your assignments', detail: 'Checkout · 1 more waiting, next: A stale cache' })
	})

	it('says when nothing else assigned is waiting', () => {
		const step = nextStepAfter({ ...base, assignment: { id: 'a1', team: 'Checkout' }, openAssignments: [] })
		expect(step.primary.detail).toBe('Checkout · nothing else assigned is waiting')
	})

	it('offers the suggested exercise when the attempt was not assigned', () => {
		const step = nextStepAfter(base)
		expect(step.primary).toEqual({ href: '/exercises/cursor-off-by-one', label: 'Next: A cursor off by one', detail: 'Matches your level' })
	})

	it('calls a suggestion of the same exercise a second try', () => {
		const step = nextStepAfter({ ...base, suggestion: { exercise: { slug: 'retry-storm', title: 'Retry storm' }, reason: 'Worth another go' } })
		expect(step.primary.label).toBe('Try again: Retry storm')
	})

	it('falls back to the catalogue, and always links the list of attempts', () => {
		const step = nextStepAfter({ ...base, suggestion: null })
		expect(step.primary.href).toBe('/exercises')
		expect(step.attempts.href).toBe('/attempts')
	})
})
