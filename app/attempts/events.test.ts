import { describe, expect, it } from 'vitest'
import { EventBatchSchema, toServerTime } from './events.ts'
import { applyJournalEvent, type JournalEntryView } from './journal.ts'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('event batches', () => {
	it('accepts a well-formed batch of every kind of event', () => {
		const batch = {
			sentAt: 1000,
			events: [
				{ id: id(1), seq: 1, at: 900, type: 'snapshot', data: { files: { 'src/a.ts': 'x' } } },
				{ id: id(2), seq: 2, at: 910, type: 'journal.add', data: { entryId: id(50), kind: 'hypothesis', text: 'The cursor skips one.' } },
				{ id: id(3), seq: 3, at: 920, type: 'journal.edit', data: { entryId: id(50), status: 'confirmed' } },
				{ id: id(4), seq: 4, at: 930, type: 'paste', data: { chars: 120, outside: true, blocked: true } },
				{ id: id(5), seq: 5, at: 940, type: 'insertion', data: { chars: 300 } },
				{ id: id(6), seq: 6, at: 950, type: 'focus.lost', data: {} },
				{ id: id(7), seq: 7, at: 960, type: 'focus.regained', data: { awayMs: 10 } },
				{ id: id(8), seq: 8, at: 970, type: 'prediction.mark', data: { runId: 'clx1', correct: true } },
			],
		}
		expect(EventBatchSchema.safeParse(batch).success).toBe(true)
	})

	it.each([
		['an unknown type', { id: id(1), seq: 1, at: 1, type: 'telemetry', data: {} }],
		['a made-up id', { id: 'abc', seq: 1, at: 1, type: 'focus.lost', data: {} }],
		['a sequence number of 0', { id: id(1), seq: 0, at: 1, type: 'focus.lost', data: {} }],
		['an extra field', { id: id(1), seq: 1, at: 1, type: 'focus.lost', data: { score: 9 } }],
		['an empty hypothesis', { id: id(1), seq: 1, at: 1, type: 'journal.add', data: { entryId: id(2), kind: 'hypothesis', text: '  ' } }],
		['an edit that changes nothing', { id: id(1), seq: 1, at: 1, type: 'journal.edit', data: { entryId: id(2) } }],
		['a negative paste size', { id: id(1), seq: 1, at: 1, type: 'paste', data: { chars: -1, outside: true, blocked: false } }],
	])('refuses a batch with %s', (_what, event) => {
		expect(EventBatchSchema.safeParse({ sentAt: 1, events: [event] }).success).toBe(false)
	})

	it('refuses an empty batch and one over the size limit', () => {
		expect(EventBatchSchema.safeParse({ sentAt: 1, events: [] }).success).toBe(false)
		const many = Array.from({ length: 501 }, (_, i) => ({ id: id(i + 1), seq: i + 1, at: 1, type: 'focus.lost', data: {} }))
		expect(EventBatchSchema.safeParse({ sentAt: 1, events: many }).success).toBe(false)
	})
})

describe('moving browser times onto the server clock', () => {
	it('keeps the gap between an event and its batch, anchored at receipt', () => {
		// The browser's clock is an hour ahead; the event happened 2 s before the batch left.
		const hour = 3_600_000
		expect(toServerTime(hour + 8_000, hour + 10_000, 50_000, 0)).toBe(48_000)
	})
	it('never places an event in the future or before the attempt started', () => {
		expect(toServerTime(20_000, 10_000, 50_000, 0)).toBe(50_000)
		expect(toServerTime(0, 100_000, 50_000, 45_000)).toBe(45_000)
	})
})

describe('the journal fold', () => {
	const add = (entryId: string, kind: 'observation' | 'hypothesis', text: string) =>
		({ id: id(90), seq: 1, at: 0, type: 'journal.add', data: { entryId, kind, text } }) as const
	it('adds entries once, opens hypotheses, and applies edits', () => {
		let entries: JournalEntryView[] = []
		entries = applyJournalEvent(entries, add(id(1), 'hypothesis', 'Cursor is off by one'), 10).entries
		entries = applyJournalEvent(entries, add(id(1), 'hypothesis', 'Cursor is off by one'), 11).entries
		entries = applyJournalEvent(entries, add(id(2), 'observation', 'Page 2 starts at 12'), 12).entries
		expect(entries.map((e) => [e.kind, e.status])).toEqual([
			['hypothesis', 'open'],
			['observation', null],
		])
		const edited = applyJournalEvent(entries, { id: id(91), seq: 2, at: 0, type: 'journal.edit', data: { entryId: id(1), status: 'refuted' } }, 20)
		expect(edited.entries[0]).toMatchObject({ status: 'refuted', text: 'Cursor is off by one', updatedAt: 20, createdAt: 10 })
	})
	it('refuses edits to unknown entries and statuses on observations, changing nothing', () => {
		const entries = applyJournalEvent([], add(id(2), 'observation', 'Page 2 starts at 12'), 1).entries
		const unknown = applyJournalEvent(entries, { id: id(92), seq: 2, at: 0, type: 'journal.edit', data: { entryId: id(7), text: 'x' } }, 2)
		expect(unknown.problem).toMatch(/does not have/)
		expect(unknown.entries).toBe(entries)
		const status = applyJournalEvent(entries, { id: id(93), seq: 3, at: 0, type: 'journal.edit', data: { entryId: id(2), status: 'confirmed' } }, 2)
		expect(status.problem).toMatch(/observation/)
	})
})
