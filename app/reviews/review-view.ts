// What a lead's review of one attempt shows: the attempt as the model reads it for review, with
// the reference explanation rendered, and what the page folds out of its timeline at a moment
// of the replay. The loader returns the view, the action answers with ReviewActionData, and the
// review components take both. Pure: the loader passes the Markdown renderer in.
import { diffLines } from 'diff'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import { applyJournalEvent, type JournalEntryView, type JournalEvent } from '#app/attempts/journal.ts'
import type { Prediction } from '#app/attempts/prediction.ts'
import type { AttemptForReview, ReviewCommentView, ReviewView, SavedReviewNotice } from '#app/models/review.server.ts'

export type AttemptReviewView = ReturnType<typeof buildAttemptReviewView>

/** Where the page was opened from: the review queue's filters, and how many other attempts wait under them. */
export type ReviewQueueContext = { search: string; others: number }

export function buildAttemptReviewView(
	review: AttemptForReview,
	context: {
		now: Date
		renderMarkdown: (markdown: string) => string
		/** Whether the viewer may open the learner's profile (the permission module's answer). */
		learnerProfile: boolean
		queue: ReviewQueueContext
		/** The review "Save and open the next" saved just before opening this page. */
		saved?: SavedReviewNotice | null
	},
) {
	const { reference } = review.exercise
	const { learner } = review.attempt
	return {
		...review,
		attempt: { ...review.attempt, learner: { id: learner.id, name: learner.name, profile: context.learnerProfile } },
		exercise: { ...review.exercise, reference: reference ? { ...reference, explanationHtml: context.renderMarkdown(reference.explanation) } : null },
		// Written only through PredictionSchema, so the JSON column holds a Prediction or nothing.
		runs: review.runs.map((run) => ({ ...run, prediction: run.prediction as Prediction | null })),
		now: context.now.toISOString(),
		/** An attempt still in progress is shown as it is so far, with nothing to score or comment on. */
		readOnly: review.attempt.status === 'in_progress',
		queue: context.queue,
		saved: context.saved ?? null,
	}
}

type ReviewFailure<Intent> = { intent: Intent; ok: false; message?: string; fieldErrors?: Record<string, string[] | undefined>; current?: ReviewView | null }
export type ScoreResult = { intent: 'score'; ok: true; review: ReviewView } | ReviewFailure<'score'>
export type CommentResult = { intent: 'comment'; ok: true; comment: ReviewCommentView } | ReviewFailure<'comment'>

/** What the review page's action answers: the rubric score or a comment, saved or refused. */
export type ReviewActionData = ScoreResult | CommentResult

type TimelineEvent = AttemptReviewView['events'][number]

export function runIdAt(events: TimelineEvent[], position: number): string | null {
	const event = events.find((candidate) => candidate.position === position)
	const runId = (event?.data as { runId?: unknown } | undefined)?.runId
	return typeof runId === 'string' ? runId : null
}

export function runNumberAt(events: TimelineEvent[], position: number): number | null {
	const event = events.find((candidate) => candidate.position === position)
	const number = (event?.data as { number?: unknown } | undefined)?.number
	return typeof number === 'number' ? number : null
}

/** The journal as it read at a moment: every journal event up to then, folded in order. */
export function journalAt(events: TimelineEvent[], at: number): JournalEntryView[] {
	let entries: JournalEntryView[] = []
	for (const event of events) {
		const time = new Date(event.at).getTime()
		if (time > at) break
		if (event.type !== 'journal.add' && event.type !== 'journal.edit') continue
		entries = applyJournalEvent(entries, { type: event.type, data: event.data } as JournalEvent, time).entries
	}
	return entries
}

/** The newest decision record saved or handed in up to a moment. */
export function decisionRecordAt(events: TimelineEvent[], at: number): DecisionRecord | null {
	let record: DecisionRecord | null = null
	for (const event of events) {
		if (new Date(event.at).getTime() > at) break
		if (event.type !== 'decision.saved' && event.type !== 'stage.submitted') continue
		const candidate = (event.data as { record?: DecisionRecord }).record
		if (candidate) record = candidate
	}
	return record
}

export function changedPaths(starter: Record<string, string>, code: Record<string, string>) {
	return Object.keys(code)
		.sort()
		.filter((path) => code[path] !== starter[path])
}

/** Line numbers (1-based, in the new text) that were added or changed since the starter. */
export function changedLines(before: string, after: string): Set<number> {
	const changed = new Set<number>()
	if (before === after) return changed
	let line = 1
	for (const part of diffLines(before, after)) {
		const count = part.count ?? part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0)
		if (part.removed) continue
		if (part.added) for (let i = 0; i < count; i++) changed.add(line + i)
		line += count
	}
	return changed
}
