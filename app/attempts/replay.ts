// An attempt's timeline as a replay: the code at any moment, and the marks a reviewer
// scrubs between (runs, journal changes, hints, pastes, time away, submissions). A pure fold
// over the stored events in position order, so it can be tested without a database.
import { applyChanges, type FileChanges, type Files } from './code-history.ts'

export type TimelineEvent = { position: number; type: string; at: Date; data: unknown }

export type ReplayMark = {
	position: number
	at: Date
	/** Milliseconds since the attempt started. */
	offsetMs: number
	kind: 'run' | 'journal' | 'hint' | 'paste' | 'insertion' | 'away' | 'submission' | 'gave-up'
	label: string
}

export type Replay = {
	startedAt: Date
	durationMs: number
	marks: ReplayMark[]
	/** The code as it was right after the event at `position` (every earlier change applied). */
	codeAt(position: number): Files
	/** The code at a moment in time: after every event up to and including `at`. */
	codeAtTime(at: Date): Files
}

const CODE_EVENTS = new Set(['snapshot', 'run', 'submission', 'stage.submitted'])

export function buildReplay(starter: Files, events: TimelineEvent[]): Replay {
	const ordered = [...events].sort((a, b) => a.position - b.position)
	const startedAt = ordered[0]?.at ?? new Date(0)
	// Checkpoints: the code after each event that changed it.
	const checkpoints: Array<{ position: number; at: Date; files: Files }> = []
	let files = { ...starter }
	const marks: ReplayMark[] = []
	for (const event of ordered) {
		const data = (event.data ?? {}) as Record<string, unknown>
		if (CODE_EVENTS.has(event.type) && data.changes && Object.keys(data.changes as object).length) {
			files = applyChanges(files, data.changes as FileChanges)
			checkpoints.push({ position: event.position, at: event.at, files })
		}
		const mark = markOf(event, data)
		if (mark) marks.push({ position: event.position, at: event.at, offsetMs: event.at.getTime() - startedAt.getTime(), ...mark })
	}
	const last = ordered.at(-1)
	const codeAt = (position: number) => {
		let found: Files = starter
		for (const checkpoint of checkpoints) {
			if (checkpoint.position > position) break
			found = checkpoint.files
		}
		return { ...found }
	}
	return {
		startedAt,
		durationMs: last ? last.at.getTime() - startedAt.getTime() : 0,
		marks,
		codeAt,
		codeAtTime: (at: Date) => {
			const upTo = ordered.filter((event) => event.at.getTime() <= at.getTime()).at(-1)
			return upTo ? codeAt(upTo.position) : { ...starter }
		},
	}
}

function markOf(event: TimelineEvent, data: Record<string, unknown>): Omit<ReplayMark, 'position' | 'at' | 'offsetMs'> | null {
	switch (event.type) {
		case 'run':
			return {
				kind: 'run',
				label: `Run ${data.number}: ${data.status === 'pass' ? 'all passed' : `${data.failed} failed`}${data.predictionCorrect === true ? ', prediction right' : data.predictionCorrect === false ? ', prediction wrong' : ''}`,
			}
		case 'journal.add':
			return { kind: 'journal', label: `${data.kind === 'hypothesis' ? 'Hypothesis' : 'Observation'}: ${String(data.text ?? '').slice(0, 80)}` }
		case 'journal.edit':
			return data.status ? { kind: 'journal', label: `Hypothesis marked ${data.status}` } : { kind: 'journal', label: 'Journal entry edited' }
		case 'hint.revealed':
			// A reveal within seconds of the unlock is a fact worth seeing: the learner was waiting for it.
			return {
				kind: 'hint',
				label:
					data.eager === true && typeof data.secondsAfterUnlock === 'number'
						? `Hint ${Number(data.index) + 1} revealed ${data.secondsAfterUnlock} s after it unlocked`
						: `Hint ${Number(data.index) + 1} revealed`,
			}
		case 'paste':
			return data.outside ? { kind: 'paste', label: `${data.blocked ? 'Refused outside paste' : 'Outside paste'} (${data.chars} characters)` } : null
		case 'insertion':
			return { kind: 'insertion', label: `Large insertion (${data.chars} characters)` }
		case 'focus.regained':
			return { kind: 'away', label: `Back after ${Math.round(Number(data.awayMs) / 1000)} s away` }
		case 'submission':
			return { kind: 'submission', label: `Submission ${data.number}: ${data.correct ? 'correct' : 'not yet'}` }
		case 'stage.submitted':
			return { kind: 'submission', label: `Stage ${data.stage} submitted: ${data.scenariosPassed} of ${data.scenariosTotal} scenarios meet every threshold` }
		case 'gave-up':
			return { kind: 'gave-up', label: 'Gave up' }
		default:
			return null
	}
}
