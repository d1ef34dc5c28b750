// The diagnosis journal on the page: every addition and edit goes through the outbox and is
// applied with the same fold the server uses, so the page shows what the server will store.
import { useRef, useState, type RefObject } from 'react'
import type { ClientEvent, HypothesisStatus } from '#app/attempts/events.ts'
import { applyJournalEvent, isJournalEvent, type JournalEntryView } from '#app/attempts/journal.ts'
import type { Outbox } from './outbox.ts'
import type { RecordEvent } from './use-outbox.ts'

export function useJournal({
	initial,
	outboxRef,
	record,
	onHypothesis,
}: {
	initial: JournalEntryView[]
	outboxRef: RefObject<Outbox | null>
	record: RecordEvent
	/** A new hypothesis becomes what the next run tests. */
	onHypothesis(entryId: string): void
}) {
	const [entries, setEntries] = useState(initial)
	const entriesRef = useRef(entries)

	function apply(event: ClientEvent | null) {
		if (!event || !isJournalEvent(event)) return null
		const next = applyJournalEvent(entriesRef.current, event, event.at).entries
		entriesRef.current = next
		setEntries(next)
		return event
	}

	return {
		entries,
		add(kind: 'observation' | 'hypothesis', text: string) {
			const event = apply(record('journal.add', { entryId: crypto.randomUUID(), kind, text }))
			if (!event || event.type !== 'journal.add') return
			if (kind === 'hypothesis') onHypothesis(event.data.entryId)
			// An entry is worth sending at once: the next run may name it.
			void outboxRef.current?.flush()
		},
		edit(entryId: string, change: { status?: HypothesisStatus; text?: string }) {
			apply(record('journal.edit', { entryId, ...change }))
		},
		/** Applies the journal events the last page left unsent (after a reload). */
		restore(pending: ClientEvent[]) {
			let restored = entriesRef.current
			for (const event of pending) if (isJournalEvent(event)) restored = applyJournalEvent(restored, event, event.at).entries
			entriesRef.current = restored
			setEntries(restored)
		},
	}
}
