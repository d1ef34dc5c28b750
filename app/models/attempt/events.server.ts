// The attempt's timeline as the workspace sends it: batches of browser events (journal, code
// snapshots, pastes, focus, decision-record drafts), stored once each and whole or not at all
// (ADR 008), and the timeline read back for replays and metrics.
import { randomUUID } from 'node:crypto'
import { diffFiles, type Files } from '#app/attempts/code-history.ts'
import { describeBatchProblems, EventBatchSchema, toServerTime, type ClientEvent } from '#app/attempts/events.ts'
import { applyJournalEvent, isJournalEvent, type JournalEntryView } from '#app/attempts/journal.ts'
import type { Prediction } from '#app/attempts/prediction.ts'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { AttemptError, requireAttempt, requireInProgress, type AttemptOwner } from './guard.server.ts'
import { attemptTransaction, eventRows, lockAttempt, requireLearnerFiles, type NewEvent } from './kernel.server.ts'
import { versionContent } from './version.server.ts'

const MAX_JOURNAL_ENTRIES = 500
const DAY_MS = 86_400_000

export type EventReceipt = { accepted: number; duplicates: number; draftSeq: number }

/**
 * Stores a batch of workspace events. The whole batch is checked before anything is written,
 * and written in one transaction: a malformed batch changes nothing. Events already stored
 * (a batch sent again after a lost answer) are acknowledged without being stored twice.
 */
export async function recordEvents(owner: AttemptOwner, attemptId: string, input: unknown, receivedAt = new Date()): Promise<EventReceipt> {
	const parsed = EventBatchSchema.safeParse(input)
	if (!parsed.success) {
		// Someone else's attempt is not found, whatever they sent.
		await requireAttempt(owner, attemptId)
		throw new AttemptError(400, 'The events were malformed, so none were saved.', describeBatchProblems(parsed.error))
	}
	const batch = parsed.data
	const ids = [...new Set(batch.events.map((event) => event.id))]
	return attemptTransaction(async (tx) => {
		// The lock is this endpoint's guard (one statement less on the workspace's most frequent request).
		const attempt = await lockAttempt(tx, attemptId, { owner, clientIds: ids })
		const seen = new Set(attempt.storedClientIds)
		const fresh: ClientEvent[] = []
		for (const event of [...batch.events].sort((a, b) => a.seq - b.seq)) {
			if (seen.has(event.id)) continue
			seen.add(event.id)
			fresh.push(event)
		}
		const duplicates = batch.events.length - fresh.length
		if (fresh.length === 0) return { accepted: 0, duplicates, draftSeq: attempt.draftSeq }
		requireInProgress(attempt.status)

		const version = await versionContent(tx, attempt.exerciseVersionId)
		const notBefore = attempt.startedAt.getTime()
		const time = (event: ClientEvent) => new Date(toServerTime(event.at, batch.sentAt, receivedAt.getTime(), notBefore))

		// Only the entries this batch touches are read; most batches touch none.
		const journalEvents = fresh.filter(isJournalEvent)
		const storedEntries = journalEvents.length
			? await tx.journalEntry.findMany({
					where: { attemptId, clientId: { in: [...new Set(journalEvents.map((event) => event.data.entryId))] } },
					select: { id: true, clientId: true, kind: true, text: true, status: true, createdAt: true, updatedAt: true },
				})
			: []
		let journal: JournalEntryView[] = storedEntries.map((entry) => ({
			id: entry.clientId,
			kind: entry.kind,
			text: entry.text,
			status: entry.status,
			createdAt: entry.createdAt.getTime(),
			updatedAt: entry.updatedAt.getTime(),
		}))
		const before = new Map(journal.map((entry) => [entry.id, entry]))

		const problems: string[] = []
		const counters = { outsidePastes: 0, outsidePasteChars: 0, blockedPastes: 0, largeInsertions: 0, focusLosses: 0, awayMs: 0 }
		let draft: Files = attempt.draft
		let draftSeq = attempt.draftSeq
		const marks: Array<{ runId: string; correct: boolean }> = []
		const events: NewEvent[] = []
		let decisionRecord: DecisionRecord | undefined

		for (const event of fresh) {
			const at = time(event)
			let data: Prisma.InputJsonValue = event.data as Prisma.InputJsonValue
			if (isJournalEvent(event)) {
				const fold = applyJournalEvent(journal, event, at.getTime())
				if (fold.problem) problems.push(`event ${event.seq}: ${fold.problem}`)
				journal = fold.entries
			} else if (event.type === 'snapshot') {
				requireLearnerFiles(version, event.data.files)
				if (event.seq > draftSeq) {
					data = { changes: diffFiles(draft, event.data.files) }
					draft = event.data.files
					draftSeq = event.seq
				} else {
					// Older than code already saved (it arrived late): kept on the timeline, not applied.
					data = { changes: {}, superseded: true }
				}
			} else if (event.type === 'paste') {
				if (event.data.outside) {
					counters.outsidePastes += 1
					counters.outsidePasteChars += event.data.chars
				}
				if (event.data.blocked) counters.blockedPastes += 1
			} else if (event.type === 'insertion') {
				counters.largeInsertions += 1
			} else if (event.type === 'focus.lost') {
				counters.focusLosses += 1
			} else if (event.type === 'focus.regained') {
				counters.awayMs += Math.min(event.data.awayMs, DAY_MS)
			} else if (event.type === 'prediction.mark') {
				marks.push(event.data)
			} else if (event.type === 'decision.saved') {
				if (version.metadata.kind !== 'architecture') {
					problems.push(`event ${event.seq}: only architecture exercises have a decision record`)
				} else if (event.data.stage > attempt.stage) {
					problems.push(`event ${event.seq}: stage ${event.data.stage} is not open yet; submit stage ${attempt.stage} first`)
				}
				decisionRecord = event.data.record
			}
			events.push({ type: event.type, at, data, clientId: event.id, clientSeq: event.seq })
		}
		const created = journal.filter((entry) => !before.has(entry.id))
		if (created.length && (await tx.journalEntry.count({ where: { attemptId } })) + created.length > MAX_JOURNAL_ENTRIES) {
			problems.push(`an attempt keeps at most ${MAX_JOURNAL_ENTRIES} journal entries`)
		}
		if (marks.length) {
			const runs = await tx.run.findMany({ where: { attemptId, id: { in: marks.map((mark) => mark.runId) } }, select: { id: true, prediction: true } })
			const textRuns = new Set(runs.filter((run) => (run.prediction as Prediction | null)?.kind === 'text').map((run) => run.id))
			for (const mark of marks) {
				if (!textRuns.has(mark.runId)) problems.push(`prediction.mark names run ${mark.runId}, which has no free-text prediction on this attempt`)
			}
		}
		if (problems.length) throw new AttemptError(400, 'The events were malformed, so none were saved.', problems)

		if (created.length) {
			await tx.$executeRaw`
				INSERT INTO "JournalEntry" ("id", "attemptId", "clientId", "kind", "text", "status", "createdAt", "updatedAt")
				SELECT e.id, ${attemptId}, e."clientId", e.kind::"JournalEntryKind", e.text, e.status::"HypothesisStatus", e."createdAt", e."updatedAt"
				FROM unnest(
					${created.map(() => randomUUID())}::text[], ${created.map((entry) => entry.id)}::text[], ${created.map((entry) => entry.kind)}::text[],
					${created.map((entry) => entry.text)}::text[], ${created.map((entry) => entry.status)}::text[],
					${created.map((entry) => new Date(entry.createdAt).toISOString())}::timestamp(3)[], ${created.map((entry) => new Date(entry.updatedAt).toISOString())}::timestamp(3)[]
				) AS e(id, "clientId", kind, text, status, "createdAt", "updatedAt")`
		}
		for (const entry of journal) {
			const previous = before.get(entry.id)
			if (!previous || previous.updatedAt === entry.updatedAt) continue
			await tx.journalEntry.update({
				where: { attemptId_clientId: { attemptId, clientId: entry.id } },
				data: { text: entry.text, status: entry.status, updatedAt: new Date(entry.updatedAt) },
				select: { id: true },
			})
		}
		for (const mark of marks) {
			await tx.run.update({ where: { id: mark.runId }, data: { predictionCorrect: mark.correct }, select: { id: true } })
		}
		// The newest draft wins; every version of it stays on the timeline for the replay.
		if (decisionRecord) await tx.attempt.update({ where: { id: attemptId }, data: { decisionRecord }, select: { id: true } })
		// The events and the attempt's counters in one statement.
		const rows = eventRows(events, attempt.eventCount)
		const draftChanged = draftSeq !== attempt.draftSeq
		await tx.$executeRaw`
			WITH inserted AS (
				INSERT INTO "AttemptEvent" ("id", "attemptId", "position", "clientId", "clientSeq", "type", "at", "data")
				SELECT e.id, ${attemptId}, e.position, e."clientId", e."clientSeq", e.type, e.at, e.data::jsonb
				FROM unnest(${rows.ids}::text[], ${rows.positions}::int[], ${rows.clientIds}::text[], ${rows.clientSeqs}::int[], ${rows.types}::text[], ${rows.ats}::timestamp(3)[], ${rows.data}::text[])
					AS e(id, position, "clientId", "clientSeq", type, at, data)
				RETURNING 1
			)
			UPDATE "Attempt" SET
				"eventCount" = ${attempt.eventCount + events.length},
				"draft" = CASE WHEN ${draftChanged} THEN ${JSON.stringify(draft)}::jsonb ELSE "draft" END,
				"draftSeq" = ${draftSeq},
				"lastActiveAt" = ${receivedAt.toISOString()}::timestamp(3),
				"updatedAt" = ${new Date().toISOString()}::timestamp(3),
				"outsidePastes" = "outsidePastes" + ${counters.outsidePastes},
				"outsidePasteChars" = "outsidePasteChars" + ${counters.outsidePasteChars},
				"blockedPastes" = "blockedPastes" + ${counters.blockedPastes},
				"largeInsertions" = "largeInsertions" + ${counters.largeInsertions},
				"focusLosses" = "focusLosses" + ${counters.focusLosses},
				"awayMs" = "awayMs" + ${counters.awayMs}
			WHERE "id" = ${attemptId} AND (SELECT count(*) FROM inserted) = ${events.length}`
		return { accepted: fresh.length, duplicates, draftSeq }
	})
}

/** The whole timeline, in order, for replays and metrics. */
export function listTimeline(owner: AttemptOwner, attemptId: string) {
	return getPrisma().attemptEvent.findMany({
		where: { attemptId, attempt: { userId: owner.id, organizationId: owner.organizationId } },
		orderBy: { position: 'asc' },
		select: { position: true, type: true, at: true, data: true, clientSeq: true },
	})
}
