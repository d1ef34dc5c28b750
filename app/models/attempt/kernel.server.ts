// The one way a command writes to an attempt. Run, submit, stage, hint and give-up share one
// skeleton: the learner's files are checked and played in the sandbox first, outside any lock
// (grading can take seconds); then, in one transaction that holds the attempt's row lock, the
// command writes its row, its event goes on the timeline after the last position, and the
// attempt's counters, draft and status move with it. Runs, events and submissions of one
// attempt never interleave (ADR 008).
import { randomUUID } from 'node:crypto'
import { diffFiles, type Files } from '#app/attempts/code-history.ts'
import { checkLearnerFiles } from '#app/attempts/files.ts'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { DEFAULT_LIMITS, runTests, type RunResult } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { observeRun, runStarted } from '#app/utils/metrics.server.ts'
import { recordAttemptOutcome } from '#app/models/growth/attempt-outcome.server.ts'
import { reviewFamilyCard } from '#app/models/retention/record.server.ts'
import { AttemptError, attemptNotFound, requireInProgress, type AttemptContext, type AttemptOwner } from './guard.server.ts'
import type { ExerciseVersionContent } from './version.server.ts'

export type Tx = Prisma.TransactionClient

/** Throws the learner's file problem (unknown or missing paths, too large) as an AttemptError. */
export function requireLearnerFiles(version: Pick<ExerciseVersionContent, 'starter' | 'limits'>, files: Files) {
	const problem = checkLearnerFiles(files, version.starter, { ...DEFAULT_LIMITS, ...version.limits })
	if (problem) throw new AttemptError(problem.status, problem.message)
}

/** Before the sandbox: the attempt must be in progress and the files the learner's own, within the sandbox's size. */
export function requireRunnable(attempt: AttemptContext, files: Files) {
	requireInProgress(attempt.status)
	requireLearnerFiles(attempt.version, files)
}

/** Plays files in the sandbox for the attempt's owner. When the sandbox is busy nothing ran, so there is nothing to record. */
export async function playInSandbox(attempt: AttemptContext, plan: { files: Files; testFiles: string[] }, retry: 'run' | 'submit'): Promise<RunResult> {
	const started = performance.now()
	const finished = runStarted()
	const result = await runTests({ files: plan.files, testFiles: plan.testFiles, owner: attempt.owner.id, seed: 1, limits: attempt.version.limits }).finally(
		finished,
	)
	observeRun(retry, result, (performance.now() - started) / 1000)
	if (result.limit === 'queue') throw new AttemptError(429, result.message ?? `The sandbox is busy; ${retry} again in a few seconds.`)
	return result
}

export type LockedAttempt = {
	id: string
	status: 'in_progress' | 'solved' | 'gave_up'
	draft: Files
	draftSeq: number
	eventCount: number
	runCount: number
	submissionCount: number
	failedFixCount: number
	hintsRevealed: number
	hintsAllowed: boolean
	startedAt: Date
	stage: number
	exerciseVersionId: string
	/** Which of the browser event ids asked about are stored already. */
	storedClientIds: Set<string>
}

/** A transaction on one attempt; the next one on the same attempt waits for its row lock. */
export function attemptTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
	return getPrisma().$transaction(work, { timeout: 20_000 })
}

/**
 * Locks the attempt row and reads its state, with the browser event ids already stored among
 * `clientIds`, in one statement. Commands come with a guarded context and lock by id; the
 * event endpoint passes the owner instead, so that the lock is its guard and a batch costs one
 * statement less.
 */
export async function lockAttempt(tx: Tx, attemptId: string, options: { owner?: AttemptOwner; clientIds?: string[] } = {}): Promise<LockedAttempt> {
	const { owner, clientIds = [] } = options
	const ownedBy = owner ? Prisma.sql`AND a."userId" = ${owner.id} AND a."organizationId" = ${owner.organizationId}` : Prisma.empty
	const rows = await tx.$queryRaw<Array<Omit<LockedAttempt, 'draft' | 'storedClientIds'> & { draft: unknown; stored: string[] | null }>>`
		SELECT a."id", a."status"::text AS "status", a."draft", a."draftSeq", a."eventCount", a."runCount", a."submissionCount", a."failedFixCount",
			a."hintsRevealed", a."hintsAllowed", a."startedAt", a."stage", a."exerciseVersionId",
			ARRAY(SELECT e."clientId" FROM "AttemptEvent" e WHERE e."attemptId" = a."id" AND e."clientId" = ANY(${clientIds}::text[])) AS "stored"
		FROM "Attempt" a WHERE a."id" = ${attemptId} ${ownedBy} FOR UPDATE OF a`
	const row = rows[0]
	if (!row) throw attemptNotFound()
	const { draft, stored, ...rest } = row
	return { ...rest, draft: (typeof draft === 'string' ? JSON.parse(draft) : draft) as Files, storedClientIds: new Set(stored ?? []) }
}

export type NewEvent = { type: string; at: Date; data: Prisma.InputJsonValue; clientId?: string; clientSeq?: number }

/** The columns of new timeline events, as arrays for one INSERT … SELECT FROM unnest(…). */
export function eventRows(events: NewEvent[], eventCount: number) {
	return {
		ids: events.map(() => randomUUID()),
		positions: events.map((_, index) => eventCount + index + 1),
		clientIds: events.map((event) => event.clientId ?? null),
		clientSeqs: events.map((event) => event.clientSeq ?? null),
		types: events.map((event) => event.type),
		ats: events.map((event) => event.at.toISOString()),
		data: events.map((event) => JSON.stringify(event.data)),
	}
}

/** Appends events after the last position, in one statement; returns the new event count. */
async function appendEvents(tx: Tx, attemptId: string, eventCount: number, events: NewEvent[]) {
	const rows = eventRows(events, eventCount)
	await tx.$executeRaw`
		INSERT INTO "AttemptEvent" ("id", "attemptId", "position", "clientId", "clientSeq", "type", "at", "data")
		SELECT e.id, ${attemptId}, e.position, e."clientId", e."clientSeq", e.type, e.at, e.data::jsonb
		FROM unnest(${rows.ids}::text[], ${rows.positions}::int[], ${rows.clientIds}::text[], ${rows.clientSeqs}::int[], ${rows.types}::text[], ${rows.ats}::timestamp(3)[], ${rows.data}::text[])
			AS e(id, position, "clientId", "clientSeq", type, at, data)`
	return eventCount + events.length
}

/** What a command records. A command that records nothing (a repeated hint reveal) returns only its value. */
export type AttemptCommit<T> = {
	value: T
	/** The command's event on the timeline, at the command's moment. */
	event?: { type: string; data: Prisma.InputJsonObject }
	/** The code the command played: it becomes the draft, and the event keeps its diff from the draft before, for the replay. */
	code?: Files
	/** The attempt's counters and state this command moves. */
	changes?: { runCount?: number; submissionCount?: number; failedFixCount?: number; hintsRevealed?: number; stage?: number; decisionRecord?: DecisionRecord }
	/** Set when the command finishes the attempt. */
	finished?: 'solved' | 'gave_up'
}

/**
 * Runs `command` with the attempt locked (refused with 409 once the attempt is finished),
 * then appends its event and updates the attempt in the same transaction. A finished attempt's
 * outcome (metrics, ratings) is stored with it, so reports never replay timelines.
 */
export function commitToAttempt<T>(attempt: AttemptContext, now: Date, command: (tx: Tx, locked: LockedAttempt) => Promise<AttemptCommit<T>>): Promise<T> {
	return attemptTransaction(async (tx) => {
		const locked = await lockAttempt(tx, attempt.id)
		requireInProgress(locked.status)
		const { value, event, code, changes, finished } = await command(tx, locked)
		if (!event) return value
		const data = code ? { ...event.data, changes: diffFiles(locked.draft, code) } : event.data
		const eventCount = await appendEvents(tx, attempt.id, locked.eventCount, [{ type: event.type, at: now, data }])
		await tx.attempt.update({
			where: { id: attempt.id },
			data: { ...changes, eventCount, lastActiveAt: now, ...(code ? { draft: code } : {}), ...(finished ? { status: finished, finishedAt: now } : {}) },
			select: { id: true },
		})
		if (finished) {
			await recordAttemptOutcome(tx, attempt.id)
			await reviewFamilyCard(tx, attempt.id)
		}
		return value
	})
}
