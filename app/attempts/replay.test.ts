import { describe, expect, it } from 'vitest'
import { diffFiles } from './code-history.ts'
import { buildReplay, type TimelineEvent } from './replay.ts'

const starter = { 'src/a.ts': 'export const limit = 10\n' }
const v1 = { 'src/a.ts': 'export const limit = 11\n' }
const v2 = { 'src/a.ts': 'export const limit = 12 // tuned\n' }
const t = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, seconds))

const events: TimelineEvent[] = [
	{ position: 1, type: 'started', at: t(0), data: {} },
	{ position: 2, type: 'journal.add', at: t(5), data: { entryId: 'x', kind: 'hypothesis', text: 'The limit is one too low' } },
	{ position: 3, type: 'snapshot', at: t(10), data: { changes: diffFiles(starter, v1) } },
	{ position: 4, type: 'paste', at: t(12), data: { chars: 40, outside: true, blocked: false } },
	{ position: 5, type: 'paste', at: t(13), data: { chars: 5, outside: false, blocked: false } },
	{ position: 6, type: 'run', at: t(20), data: { number: 1, status: 'fail', failed: 2, predictionCorrect: true, changes: {} } },
	{ position: 7, type: 'focus.regained', at: t(40), data: { awayMs: 15_000 } },
	{ position: 8, type: 'submission', at: t(60), data: { number: 1, correct: true, changes: diffFiles(v1, v2) } },
]

describe('replaying an attempt', () => {
	const replay = buildReplay(starter, events)

	it('rebuilds the code at every position and every moment', () => {
		expect(replay.codeAt(2)).toEqual(starter)
		expect(replay.codeAt(3)).toEqual(v1)
		expect(replay.codeAt(7)).toEqual(v1)
		expect(replay.codeAt(8)).toEqual(v2)
		expect(replay.codeAtTime(t(9))).toEqual(starter)
		expect(replay.codeAtTime(t(30))).toEqual(v1)
		expect(replay.codeAtTime(t(99))).toEqual(v2)
	})

	it('marks what a reviewer scrubs to, in order, with offsets from the start, leaving out pastes from inside the editor', () => {
		expect(replay.durationMs).toBe(60_000)
		expect(replay.marks.map((mark) => [mark.offsetMs / 1000, mark.kind, mark.label])).toEqual([
			[5, 'journal', 'Hypothesis: The limit is one too low'],
			[12, 'paste', 'Outside paste (40 characters)'],
			[20, 'run', 'Run 1: 2 failed, prediction right'],
			[40, 'away', 'Back after 15 s away'],
			[60, 'submission', 'Submission 1: correct'],
		])
	})

	it('does not depend on the order events are handed in', () => {
		expect(buildReplay(starter, [...events].reverse()).codeAt(8)).toEqual(v2)
	})
})

describe('replaying an architecture attempt', () => {
	it('marks each stage handed in and applies the code it carried', () => {
		const replay = buildReplay(starter, [
			{ position: 1, type: 'started', at: t(0), data: {} },
			{ position: 2, type: 'decision.saved', at: t(5), data: { stage: 1, record: {} } },
			{
				position: 3,
				type: 'stage.submitted',
				at: t(30),
				data: { stage: 1, number: 1, scenariosPassed: 3, scenariosTotal: 4, changes: diffFiles(starter, v1) },
			},
		])
		expect(replay.marks).toEqual([
			expect.objectContaining({ position: 3, kind: 'submission', label: 'Stage 1 submitted: 3 of 4 scenarios meet every threshold' }),
		])
		expect(replay.codeAt(3)).toEqual(v1)
	})
})

describe('hints on the replay', () => {
	it('says when a hint was revealed within seconds of unlocking', () => {
		const replay = buildReplay(starter, [
			{ position: 1, type: 'started', at: t(0), data: {} },
			{ position: 2, type: 'hint.revealed', at: t(10), data: { index: 0, secondsAfterUnlock: 3, eager: true } },
			{ position: 3, type: 'hint.revealed', at: t(50), data: { index: 1, secondsAfterUnlock: 240, eager: false } },
			{ position: 4, type: 'hint.revealed', at: t(55), data: { index: 2 } },
		])
		expect(replay.marks.map((mark) => mark.label)).toEqual(['Hint 1 revealed 3 s after it unlocked', 'Hint 2 revealed', 'Hint 3 revealed'])
	})
})
