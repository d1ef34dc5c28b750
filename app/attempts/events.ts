// The attempt timeline's wire format: what the workspace sends in a batch, and the event
// types the server itself records. Pure (zod only), shared by the browser and the server.
import { z } from 'zod'
import { DecisionRecordDraftSchema } from '#app/architecture/decision-record.ts'

/** Most events one batch may carry; the workspace sends far fewer (it flushes every few seconds). */
const MAX_EVENTS_PER_BATCH = 500
export const MAX_JOURNAL_TEXT = 2000
const MAX_FILE_PATH = 300

// Browser-made ids are UUIDs (crypto.randomUUID()); anything else cannot be one of ours.
export const ClientIdSchema = z.uuid('must be a UUID made by the workspace')

const FilesSchema = z.record(z.string().min(1).max(MAX_FILE_PATH), z.string())
const journalText = z.string().trim().min(1, 'must not be empty').max(MAX_JOURNAL_TEXT, `must have at most ${MAX_JOURNAL_TEXT} characters`)
const count = z.int().min(0).max(100_000_000)

export const HYPOTHESIS_STATUSES = ['open', 'confirmed', 'refuted'] as const
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number]

/** Events the browser records, by type, with the data each carries. */
export const ClientEventDataSchemas = {
	/** The learner's src/ files now; the server stores the difference from the previous snapshot. */
	snapshot: z.strictObject({ files: FilesSchema }),
	'journal.add': z.strictObject({
		entryId: ClientIdSchema,
		kind: z.enum(['observation', 'hypothesis']),
		text: journalText,
	}),
	'journal.edit': z
		.strictObject({ entryId: ClientIdSchema, text: journalText.optional(), status: z.enum(HYPOTHESIS_STATUSES).optional() })
		.refine((edit) => edit.text !== undefined || edit.status !== undefined, 'must change the text or the status'),
	/** A paste into the editor; `outside` when its text was not copied from this editor. */
	paste: z.strictObject({ chars: count, outside: z.boolean(), blocked: z.boolean(), file: z.string().max(MAX_FILE_PATH).optional() }),
	/** One change that inserted far more text than typing does, and was not a paste. */
	insertion: z.strictObject({ chars: count, file: z.string().max(MAX_FILE_PATH).optional() }),
	'focus.lost': z.strictObject({}),
	'focus.regained': z.strictObject({ awayMs: count }),
	/** The learner's own verdict on a free-text prediction, after seeing the run. */
	'prediction.mark': z.strictObject({ runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), correct: z.boolean() }),
	/** The decision record of an architecture attempt as it reads now (a draft: sections may be empty). */
	'decision.saved': z.strictObject({ stage: z.union([z.literal(1), z.literal(2)]), record: DecisionRecordDraftSchema }),
} as const

export type ClientEventType = keyof typeof ClientEventDataSchemas

const eventEnvelope = {
	id: ClientIdSchema,
	/** Per attempt and browser tab, counting from 1; the order the learner did things in. */
	seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
	/** When it happened, in the browser's clock (ms since the epoch). */
	at: z.number().int().min(0).max(8.64e15),
}

const event = <T extends ClientEventType>(type: T) => z.strictObject({ ...eventEnvelope, type: z.literal(type), data: ClientEventDataSchemas[type] })

const ClientEventSchema = z.discriminatedUnion('type', [
	event('snapshot'),
	event('journal.add'),
	event('journal.edit'),
	event('paste'),
	event('insertion'),
	event('focus.lost'),
	event('focus.regained'),
	event('prediction.mark'),
	event('decision.saved'),
])
export type ClientEvent = z.infer<typeof ClientEventSchema>

export const EventBatchSchema = z.strictObject({
	/** The browser's clock when it sent the batch, to correct every event's time for clock skew. */
	sentAt: z.number().int().min(0).max(8.64e15),
	events: z.array(ClientEventSchema).min(1, 'must hold at least one event').max(MAX_EVENTS_PER_BATCH, `must hold at most ${MAX_EVENTS_PER_BATCH} events`),
})
export type EventBatch = z.infer<typeof EventBatchSchema>

// The server records its own events as they happen: 'started', 'run', 'hint.revealed',
// 'submission', 'stage.submitted' and 'gave-up' (app/models/attempt/).

/**
 * Moves a browser timestamp onto the server's clock: the batch says when it was sent by the
 * browser's clock, so the gap between that and the event is kept and anchored to when the
 * server received it. The result never lies in the future nor before the attempt began.
 */
export function toServerTime(eventAt: number, batchSentAt: number, receivedAt: number, notBefore: number): number {
	const corrected = receivedAt - Math.max(0, batchSentAt - eventAt)
	return Math.min(receivedAt, Math.max(notBefore, corrected))
}

/** Readable problems of a batch that did not parse, for the 400 answer. */
export function describeBatchProblems(error: z.ZodError): string[] {
	return error.issues.slice(0, 10).map((issue) => `${issue.path.length ? issue.path.join('.') : 'batch'}: ${issue.message}`)
}
