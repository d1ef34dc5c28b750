// The diagnosis journal as a fold over its events. The server applies events with it when
// they arrive, and the workspace applies its not-yet-acknowledged events with it after a
// reload, so both sides always agree on what the journal says. Pure.
import type { ClientEvent, HypothesisStatus } from './events.ts'

export type JournalEntryView = {
	/** The browser-made id (JournalEntry.clientId). */
	id: string
	kind: 'observation' | 'hypothesis'
	text: string
	/** Hypotheses only. */
	status: HypothesisStatus | null
	createdAt: number
	updatedAt: number
}

export type JournalEvent = Extract<ClientEvent, { type: 'journal.add' | 'journal.edit' }>

export function isJournalEvent(event: ClientEvent): event is JournalEvent {
	return event.type === 'journal.add' || event.type === 'journal.edit'
}

export type JournalFold = { entries: JournalEntryView[]; problem?: string }

/** Applies one event at time `at`; an event that cannot apply leaves the journal as it was and says why. */
export function applyJournalEvent(entries: JournalEntryView[], event: JournalEvent, at: number): JournalFold {
	if (event.type === 'journal.add') {
		// Sent twice (a retry): the first one counts.
		if (entries.some((entry) => entry.id === event.data.entryId)) return { entries }
		const { entryId, kind, text } = event.data
		return { entries: [...entries, { id: entryId, kind, text, status: kind === 'hypothesis' ? 'open' : null, createdAt: at, updatedAt: at }] }
	}
	const index = entries.findIndex((entry) => entry.id === event.data.entryId)
	const entry = entries[index]
	if (!entry) return { entries, problem: `journal.edit names entry ${event.data.entryId}, which this attempt does not have` }
	if (event.data.status !== undefined && entry.kind !== 'hypothesis') {
		return { entries, problem: `journal.edit gives a status to entry ${entry.id}, which is an observation, not a hypothesis` }
	}
	const updated: JournalEntryView = {
		...entry,
		text: event.data.text ?? entry.text,
		status: event.data.status ?? entry.status,
		updatedAt: at,
	}
	return { entries: entries.map((candidate, i) => (i === index ? updated : candidate)) }
}
