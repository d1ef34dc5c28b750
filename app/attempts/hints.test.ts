import { describe, expect, it } from 'vitest'
import { hintFading } from './hint-fading.ts'
import { hintLockReason, hintState, hintStateAt, hintUnlockedAt, msUntilHintChange } from './hints.ts'

const hints = [
	{ text: 'Compare page 1 and page 2.', unlock: { afterMinutes: 5, afterHypotheses: 1 } },
	{ text: 'Look at the cursor.', unlock: { afterMinutes: 12, afterHypotheses: 2 } },
]
const startedAt = new Date('2026-12-01T10:00:00Z')
const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000)

describe('hint unlocking', () => {
	it('keeps the first hint locked until both time and hypotheses are there, and says what is missing', () => {
		const early = hintState(hints, { revealedCount: 0, startedAt, now: at(2), hypothesisCount: 0, hintsAllowed: true })
		expect(early.next).toEqual({ index: 0, unlock: { afterMinutes: 5, afterHypotheses: 1 }, unlocked: false, minutesLeft: 3, hypothesesLeft: 1 })
		expect(hintLockReason(early.next, true)).toBe('The next hint unlocks after 3 more minutes of work and 1 more hypothesis in your journal.')
		const noHypothesis = hintState(hints, { revealedCount: 0, startedAt, now: at(6), hypothesisCount: 0, hintsAllowed: true })
		expect(noHypothesis.next?.unlocked).toBe(false)
		const ready = hintState(hints, { revealedCount: 0, startedAt, now: at(6), hypothesisCount: 1, hintsAllowed: true })
		expect(ready.next?.unlocked).toBe(true)
		expect(hintLockReason(ready.next, true)).toBeNull()
	})
	it('gives the texts of revealed hints only, in order, and nothing after the last', () => {
		const one = hintState(hints, { revealedCount: 1, startedAt, now: at(6), hypothesisCount: 1, hintsAllowed: true })
		expect(one.revealed).toEqual([{ index: 0, text: 'Compare page 1 and page 2.' }])
		expect(one.next).toMatchObject({ index: 1, unlocked: false })
		expect(JSON.stringify(one)).not.toContain('Look at the cursor')
		const all = hintState(hints, { revealedCount: 2, startedAt, now: at(60), hypothesisCount: 5, hintsAllowed: true })
		expect(all.next).toBeNull()
		expect(hintLockReason(all.next, true)).toBe('There are no more hints for this exercise.')
	})
	it('offers nothing when the assignment turns hints off', () => {
		const off = hintState(hints, { revealedCount: 0, startedAt, now: at(60), hypothesisCount: 5, hintsAllowed: false })
		expect(off.next).toBeNull()
		expect(hintLockReason(off.next, false)).toBe('Hints are turned off for this assignment.')
	})

	it('lifts the lock in the workspace as time passes and hypotheses are recorded, from the rule the server sent, without any hint text', () => {
		const served = hintState(hints, { revealedCount: 1, startedAt, now: at(6), hypothesisCount: 1, hintsAllowed: true })
		expect(JSON.stringify(served.next)).not.toContain('cursor')
		const later = hintStateAt(served, { startedAt, now: at(11.5), hypothesisCount: 1 })
		expect(later.next).toMatchObject({ index: 1, unlocked: false, minutesLeft: 1, hypothesesLeft: 1 })
		expect(hintLockReason(later.next, true)).toBe('The next hint unlocks after 1 more minute of work and 1 more hypothesis in your journal.')
		const timeUpOneShort = hintStateAt(served, { startedAt, now: at(12), hypothesisCount: 1 })
		expect(hintLockReason(timeUpOneShort.next, true)).toBe('The next hint unlocks after 1 more hypothesis in your journal.')
		const ready = hintStateAt(served, { startedAt, now: at(12), hypothesisCount: 2 })
		expect(ready.next?.unlocked).toBe(true)
		expect(ready.revealed).toEqual(served.revealed)
		// The same answer the server gives for the same moment and journal.
		expect(ready).toEqual(hintState(hints, { revealedCount: 1, startedAt, now: at(12), hypothesisCount: 2, hintsAllowed: true }))
	})
	it('says when the time condition next changes: at each whole minute left, and never once the time is up', () => {
		const served = hintState(hints, { revealedCount: 0, startedAt, now: at(0), hypothesisCount: 0, hintsAllowed: true })
		expect(msUntilHintChange(served, { startedAt, now: at(2.5), hypothesisCount: 0 })).toBe(30_000)
		expect(msUntilHintChange(served, { startedAt, now: at(3), hypothesisCount: 0 })).toBe(60_000)
		expect(msUntilHintChange(served, { startedAt, now: at(5), hypothesisCount: 0 })).toBeNull()
		expect(
			msUntilHintChange(hintState(hints, { revealedCount: 2, startedAt, now: at(0), hypothesisCount: 0, hintsAllowed: true }), {
				startedAt,
				now: at(0),
				hypothesisCount: 0,
			}),
		).toBeNull()
	})
})

describe('hints that fade with the learner’s rating', () => {
	const progress = { revealedCount: 0, startedAt, hypothesisCount: 1, hintsAllowed: true }
	it('unlocks later for a strong learner, sooner for a beginner, and says why', () => {
		const strong = hintFading([{ topic: 'data-integrity', rating: 1900, provisional: false }])
		const beginner = hintFading([{ topic: 'data-integrity', rating: 1100, provisional: false }])
		// Author: 5 minutes and 1 hypothesis. Strong: 10 minutes and 2; beginner: 3 minutes (2.5 rounded) and 1.
		expect(hintState(hints, { ...progress, now: at(6) }, strong).next).toMatchObject({ unlocked: false, minutesLeft: 4, hypothesesLeft: 1 })
		expect(hintState(hints, { ...progress, now: at(3) }, beginner).next).toMatchObject({ unlocked: true })
		expect(hintState(hints, { ...progress, now: at(3) }).next).toMatchObject({ unlocked: false, minutesLeft: 2 })
		expect(hintState(hints, { ...progress, now: at(6) }, strong).fading).toMatch(/^Hints open later for you here/)
		// A provisional rating leaves the author's rule, and the tab says why and what changes once it settles.
		expect(hintState(hints, { ...progress, now: at(6) }, hintFading([])).fading).toMatch(
			/^Hints unlock as the exercise’s author set them while your rating .* is provisional\. Once it settles/,
		)
		expect(hintState(hints, { ...progress, now: at(6) }).fading).toBeNull()
	})

	it('knows when the next hint unlocked: the later of its time and its last hypothesis', () => {
		const next = hintState(hints, { ...progress, now: at(20) }).next!
		expect(hintUnlockedAt(next, startedAt, [at(9)])).toEqual(at(9))
		expect(hintUnlockedAt(next, startedAt, [at(2)])).toEqual(at(5))
		expect(hintUnlockedAt(next, startedAt, [])).toBeNull()
	})
})
