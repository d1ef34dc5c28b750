// Attempts: one learner working one exercise version, and everything recorded while they
// do — the timeline, the journal, runs, hints, submissions. Every function is scoped to the
// attempt's owner and organisation; another person's attempt is simply not found.
import { randomUUID } from 'node:crypto'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { diffFiles, type Files } from '#app/attempts/code-history.ts'
import { describeBatchProblems, EventBatchSchema, toServerTime, type ClientEvent } from '#app/attempts/events.ts'
import { gradeDiagnosis } from '#app/attempts/grading.ts'
import { hintState } from '#app/attempts/hints.ts'
import { applyJournalEvent, isJournalEvent, type JournalEntryView } from '#app/attempts/journal.ts'
import { scorePrediction, type Prediction } from '#app/attempts/prediction.ts'
import type { Diagnosis } from '#app/attempts/submission.ts'
import { checkDecisionRecord, DecisionRecordDraftSchema, emptyDecisionRecord, type DecisionRecord } from '#app/architecture/decision-record.ts'
import { gradeStage, gradingScenarioFiles, needsHiddenFiles, runScenarioFiles, stageOf, type ScenarioSummary, type Stage } from '#app/architecture/stages.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { DEFAULT_LIMITS, runTests, type RunLimits, type RunResult } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { assignedTo } from './assignment.server.ts'
import { recordAttemptOutcome } from './growth.server.ts'

type Tx = Prisma.TransactionClient

export type AttemptOwner = { id: string; organizationId: string }

/** A failure the caller caused, with the HTTP status and the message to show. */
export class AttemptError extends Error {
	constructor(
		readonly status: 400 | 404 | 409 | 413 | 429,
		message: string,
		readonly details: string[] = [],
	) {
		super(message)
	}
}

const MAX_JOURNAL_ENTRIES = 500
const DAY_MS = 86_400_000

export function srcFiles(publicFiles: Files): Files {
	return Object.fromEntries(Object.entries(publicFiles).filter(([path]) => path.startsWith('src/')))
}

export function visibleTestFiles(publicFiles: Files): Files {
	return Object.fromEntries(Object.entries(publicFiles).filter(([path]) => path.startsWith('tests/visible/')))
}

function sizeOf(files: Files) {
	return Object.entries(files).reduce((sum, [path, text]) => sum + Buffer.byteLength(path) + Buffer.byteLength(text), 0)
}

function formatKb(bytes: number) {
	return `${Math.ceil(bytes / 1024)} KB`
}

/**
 * The learner's files must be the exercise's own src/ files (no new paths, none missing) and
 * fit the sandbox's size limit; the error says which rule and by how much (413 for size).
 */
export function checkLearnerFiles(files: Files, starter: Files, limits: Pick<RunLimits, 'sourceBytes'> = DEFAULT_LIMITS): AttemptError | null {
	const unknown = Object.keys(files).filter((path) => !(path in starter))
	if (unknown.length) return new AttemptError(400, `These files are not part of the exercise: ${unknown.slice(0, 3).join(', ')}.`)
	const missing = Object.keys(starter).filter((path) => !(path in files))
	if (missing.length) return new AttemptError(400, `These files are missing: ${missing.slice(0, 3).join(', ')}.`)
	const bytes = sizeOf(files)
	if (bytes > limits.sourceBytes) {
		return new AttemptError(
			413,
			`The code is ${formatKb(bytes)}, more than the ${formatKb(limits.sourceBytes)} the sandbox accepts. Remove what you added (a pasted data set, a long comment) and try again; nothing was lost.`,
		)
	}
	return null
}

function metadataOf(version: { metadata: unknown }) {
	return version.metadata as ExerciseMetadata
}

function limitsOf(metadata: ExerciseMetadata): Partial<RunLimits> {
	return { ...(metadata.limits ?? {}) }
}

type LockedAttempt = {
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
	exerciseVersion: VersionContent
}

/**
 * Runs `work` with the attempt row locked, so events, runs and submissions of one attempt
 * never interleave. One query finds, checks the owner of and locks the attempt; another
 * person's attempt is not found.
 */
async function withAttemptLock<T>(
	owner: AttemptOwner,
	attemptId: string,
	work: (tx: Tx, attempt: LockedAttempt, storedClientIds: Set<string>) => Promise<T>,
	/** Browser event ids to look up in the same query: the ones already stored come back. */
	clientIds: string[] = [],
): Promise<T> {
	return getPrisma().$transaction(
		async (tx) => {
			const rows = await tx.$queryRaw<Array<Omit<LockedAttempt, 'exerciseVersion' | 'draft'> & { draft: unknown; exerciseVersionId: string; stored: string[] | null }>>`
				SELECT a."id", a."status"::text AS "status", a."draft", a."draftSeq", a."eventCount", a."runCount", a."submissionCount", a."failedFixCount",
					a."hintsRevealed", a."hintsAllowed", a."startedAt", a."stage", a."exerciseVersionId",
					ARRAY(SELECT e."clientId" FROM "AttemptEvent" e WHERE e."attemptId" = a."id" AND e."clientId" = ANY(${clientIds}::text[])) AS "stored"
				FROM "Attempt" a WHERE a."id" = ${attemptId} AND a."userId" = ${owner.id} AND a."organizationId" = ${owner.organizationId} FOR UPDATE OF a`
			const row = rows[0]
			if (!row) throw new AttemptError(404, 'This attempt does not exist, or it is not yours.')
			const { exerciseVersionId, draft, stored, ...rest } = row
			const exerciseVersion = await versionContent(tx, exerciseVersionId)
			return work(tx, { ...rest, draft: (typeof draft === 'string' ? JSON.parse(draft) : draft) as Files, exerciseVersion }, new Set(stored ?? []))
		},
		{ timeout: 20_000 },
	)
}

type VersionContent = { metadata: unknown; publicFiles: unknown }

// An exercise version's content never changes (a changed folder is a new version), so the
// parts every event batch needs are kept in memory rather than read per request.
const versionCache = new Map<string, VersionContent>()
const VERSION_CACHE_SIZE = 200

async function versionContent(tx: Tx, versionId: string): Promise<VersionContent> {
	const cached = versionCache.get(versionId)
	if (cached) return cached
	const version = await tx.exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { metadata: true, publicFiles: true } })
	if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value!)
	versionCache.set(versionId, version)
	return version
}

type NewEvent = { type: string; at: Date; data: Prisma.InputJsonValue; clientId?: string; clientSeq?: number }

/** The columns of new timeline events, as arrays for one INSERT … SELECT FROM unnest(…). */
function eventRows(events: NewEvent[], eventCount: number) {
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

/** Appends events after the last position, in one statement. */
async function appendEvents(tx: Tx, attemptId: string, eventCount: number, events: NewEvent[]) {
	if (events.length === 0) return eventCount
	const rows = eventRows(events, eventCount)
	await tx.$executeRaw`
		INSERT INTO "AttemptEvent" ("id", "attemptId", "position", "clientId", "clientSeq", "type", "at", "data")
		SELECT e.id, ${attemptId}, e.position, e."clientId", e."clientSeq", e.type, e.at, e.data::jsonb
		FROM unnest(${rows.ids}::text[], ${rows.positions}::int[], ${rows.clientIds}::text[], ${rows.clientSeqs}::int[], ${rows.types}::text[], ${rows.ats}::timestamp(3)[], ${rows.data}::text[])
			AS e(id, position, "clientId", "clientSeq", type, at, data)`
	return eventCount + events.length
}

// ---------------------------------------------------------------------------------------
// Starting and loading

/**
 * Opens an attempt at an exercise: the learner's unfinished one if there is one, otherwise a
 * new attempt on the exercise's current version, under the rules of an assignment that asks
 * for it (the earliest due), or the default rules.
 */
export async function startAttempt(owner: AttemptOwner, slug: string, now = new Date()) {
	const prisma = getPrisma()
	const exercise = await prisma.exercise.findFirst({
		where: { slug, retiredAt: null, currentVersionId: { not: null } },
		select: { id: true, currentVersion: { select: { id: true, publicFiles: true } } },
	})
	if (!exercise?.currentVersion) throw new AttemptError(404, 'There is no exercise with that name.')
	const open = await prisma.attempt.findFirst({
		where: { userId: owner.id, organizationId: owner.organizationId, exerciseId: exercise.id, status: 'in_progress' },
		orderBy: { startedAt: 'desc' },
		select: { id: true },
	})
	if (open) return { id: open.id, resumed: true }
	const assignment = await findAssignmentFor(owner, exercise.id, now)
	const attempt = await prisma.attempt.create({
		data: {
			organizationId: owner.organizationId,
			userId: owner.id,
			exerciseId: exercise.id,
			exerciseVersionId: exercise.currentVersion.id,
			assignmentId: assignment?.id ?? null,
			hintsAllowed: assignment?.hintsAllowed ?? true,
			pasteBlocked: assignment?.pasteBlocked ?? false,
			hardMode: assignment?.hardMode ?? false,
			draft: srcFiles(exercise.currentVersion.publicFiles as Files),
			startedAt: now,
			lastActiveAt: now,
			eventCount: 1,
			events: { create: { position: 1, type: 'started', at: now, data: { assignmentId: assignment?.id ?? null } } },
		},
		select: { id: true },
	})
	return { id: attempt.id, resumed: false }
}

/** The assignment an attempt at this exercise counts for: the next one due, else the one overdue most recently. */
export async function findAssignmentFor(owner: AttemptOwner, exerciseId: string, now = new Date()) {
	const assignments = await getPrisma().assignment.findMany({
		where: { ...assignedTo(owner), exerciseId, cancelledAt: null },
		orderBy: { dueAt: 'asc' },
		take: 20,
		select: { id: true, dueAt: true, hintsAllowed: true, pasteBlocked: true, hardMode: true },
	})
	return assignments.find((assignment) => assignment.dueAt >= now) ?? assignments.at(-1) ?? null
}

/** Everything the workspace shows, or null when the attempt is not this person's. */
export async function getWorkspace(owner: AttemptOwner, attemptId: string, now = new Date()) {
	const attempt = await getPrisma().attempt.findFirst({
		where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId },
		select: {
			id: true,
			status: true,
			hintsAllowed: true,
			pasteBlocked: true,
			hardMode: true,
			draft: true,
			draftSeq: true,
			hintsRevealed: true,
			runCount: true,
			outsidePastes: true,
			outsidePasteChars: true,
			blockedPastes: true,
			largeInsertions: true,
			focusLosses: true,
			awayMs: true,
			startedAt: true,
			finishedAt: true,
			assignment: { select: { dueAt: true, team: { select: { name: true } } } },
			exercise: { select: { slug: true, currentVersionId: true } },
			exerciseVersion: { select: { id: true, number: true, metadata: true, brief: true, publicFiles: true } },
			journalEntries: {
				orderBy: { createdAt: 'asc' },
				select: { id: true, clientId: true, kind: true, text: true, status: true, createdAt: true, updatedAt: true },
			},
			runs: {
				orderBy: { number: 'desc' },
				take: 50,
				select: { id: true, number: true, status: true, passed: true, failed: true, hypothesisId: true, prediction: true, predictionCorrect: true, createdAt: true },
			},
			submissions: {
				orderBy: { number: 'desc' },
				select: { id: true, number: true, file: true, startLine: true, endLine: true, category: true, explanation: true, locationCorrect: true, categoryCorrect: true, fixCorrect: true, correct: true, testsPassed: true, testsFailed: true, createdAt: true },
			},
			stage: true,
			decisionRecord: true,
			stageSubmissions: {
				orderBy: { number: 'desc' },
				select: { id: true, number: true, stage: true, passed: true, scenariosPassed: true, scenariosTotal: true, scenarios: true, createdAt: true },
			},
		},
	})
	if (!attempt) return null
	const latestRun = attempt.runs[0]
		? await getPrisma().run.findFirst({ where: { id: attempt.runs[0].id }, select: { id: true, number: true, result: true, files: true } })
		: null
	const metadata = metadataOf(attempt.exerciseVersion)
	const publicFiles = attempt.exerciseVersion.publicFiles as Files
	const journal: JournalEntryView[] = attempt.journalEntries.map((entry) => ({
		id: entry.clientId,
		kind: entry.kind,
		text: entry.text,
		status: entry.status,
		createdAt: entry.createdAt.getTime(),
		updatedAt: entry.updatedAt.getTime(),
	}))
	const hypothesisClientIds = new Map(attempt.journalEntries.map((entry) => [entry.id, entry.clientId]))
	const finished = attempt.status !== 'in_progress'
	return {
		attempt: {
			id: attempt.id,
			status: attempt.status,
			rules: { hintsAllowed: attempt.hintsAllowed, pasteBlocked: attempt.pasteBlocked, hardMode: attempt.hardMode },
			assignment: attempt.assignment ? { dueAt: attempt.assignment.dueAt.toISOString(), team: attempt.assignment.team.name } : null,
			startedAt: attempt.startedAt.toISOString(),
			finishedAt: attempt.finishedAt?.toISOString() ?? null,
			draftSeq: attempt.draftSeq,
			integrity: {
				outsidePastes: attempt.outsidePastes,
				outsidePasteChars: attempt.outsidePasteChars,
				blockedPastes: attempt.blockedPastes,
				largeInsertions: attempt.largeInsertions,
				focusLosses: attempt.focusLosses,
				awayMs: attempt.awayMs,
			},
			/** A newer version of the exercise exists; this attempt stays on its own. */
			newerVersionExists: attempt.exercise.currentVersionId !== attempt.exerciseVersion.id,
		},
		exercise: {
			slug: attempt.exercise.slug,
			title: metadata.title,
			summary: metadata.summary,
			topics: metadata.topics,
			difficulty: metadata.difficulty,
			language: metadata.language,
			estimatedMinutes: metadata.estimatedMinutes,
			versionNumber: attempt.exerciseVersion.number,
			brief: attempt.exerciseVersion.brief,
		},
		files: { src: attempt.draft as Files, starter: srcFiles(publicFiles), tests: visibleTestFiles(publicFiles) },
		testNames: await visibleTestNames(attempt.exerciseVersion.id, publicFiles, metadata),
		journal,
		runs: attempt.runs.map((run) => ({
			id: run.id,
			number: run.number,
			status: run.status,
			passed: run.passed,
			failed: run.failed,
			hypothesisId: run.hypothesisId ? (hypothesisClientIds.get(run.hypothesisId) ?? null) : null,
			prediction: run.prediction as Prediction | null,
			predictionCorrect: run.predictionCorrect,
			createdAt: run.createdAt.toISOString(),
		})),
		latestRun: latestRun ? { id: latestRun.id, number: latestRun.number, result: latestRun.result as RunResult } : null,
		hints: hintState(metadata.hints, {
			revealedCount: attempt.hintsRevealed,
			startedAt: attempt.startedAt,
			now,
			hypothesisCount: journal.filter((entry) => entry.kind === 'hypothesis').length,
			hintsAllowed: attempt.hintsAllowed,
		}),
		submissions: attempt.submissions.map((submission) => ({ ...submission, createdAt: submission.createdAt.toISOString() })),
		architecture: architectureView(metadata, attempt),
		// The answer only once it can no longer spoil the attempt.
		reference: finished
			? {
					explanation: metadata.rootCause.explanation,
					category: metadata.rootCause.category,
					locations: metadata.rootCause.locations,
				}
			: null,
	}
}

export type Workspace = NonNullable<Awaited<ReturnType<typeof getWorkspace>>>

/**
 * The architecture side of the workspace: the decision record, the stages opened so far (a
 * stage's brief reaches the browser only once it is open) and the stages handed in.
 */
function architectureView(
	metadata: ExerciseMetadata,
	attempt: { stage: number; decisionRecord: unknown; stageSubmissions: Array<{ id: string; number: number; stage: number; passed: boolean; scenariosPassed: number; scenariosTotal: number; scenarios: unknown; createdAt: Date }> },
) {
	const architecture = metadata.kind === 'architecture' ? metadata.architecture : undefined
	if (!architecture) return null
	const stage = stageOf(attempt.stage)
	const saved = DecisionRecordDraftSchema.safeParse(attempt.decisionRecord)
	return {
		stage,
		guidance: architecture.decisionRecord.guidance,
		// The follow-up's prompt speaks of what happens six months later: it waits for stage 2 too.
		prompts: stage === 2 ? architecture.decisionRecord.prompts : { ...architecture.decisionRecord.prompts, followUp: undefined },
		stages: architecture.stages.slice(0, stage).map((candidate, index) => ({ number: index + 1, title: candidate.title, brief: candidate.brief })),
		record: saved.success ? saved.data : emptyDecisionRecord(),
		submissions: attempt.stageSubmissions.map((submission) => ({ ...submission, scenarios: submission.scenarios as ScenarioSummary[], createdAt: submission.createdAt.toISOString() })),
	}
}


function requireInProgress(status: string) {
	if (status !== 'in_progress') throw new AttemptError(409, 'This attempt is finished, so nothing more can be recorded on it. Start a new attempt from the exercise page.')
}

// ---------------------------------------------------------------------------------------
// Events from the workspace

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
		if (!(await ownsAttempt(owner, attemptId))) throw new AttemptError(404, 'This attempt does not exist, or it is not yours.')
		throw new AttemptError(400, 'The events were malformed, so none were saved.', describeBatchProblems(parsed.error))
	}
	const batch = parsed.data
	const ids = [...new Set(batch.events.map((event) => event.id))]
	return withAttemptLock(owner, attemptId, async (tx, attempt, stored) => {
		const seen = new Set(stored)
		const fresh: ClientEvent[] = []
		for (const event of [...batch.events].sort((a, b) => a.seq - b.seq)) {
			if (seen.has(event.id)) continue
			seen.add(event.id)
			fresh.push(event)
		}
		const duplicates = batch.events.length - fresh.length
		if (fresh.length === 0) return { accepted: 0, duplicates, draftSeq: attempt.draftSeq }
		requireInProgress(attempt.status)

		const starter = srcFiles(attempt.exerciseVersion.publicFiles as Files)
		const limits = { ...DEFAULT_LIMITS, ...limitsOf(metadataOf(attempt.exerciseVersion)) }
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
		let draft = attempt.draft as Files
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
				const problem = checkLearnerFiles(event.data.files, starter, limits)
				if (problem) throw problem
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
				if (metadataOf(attempt.exerciseVersion).kind !== 'architecture') problems.push(`event ${event.seq}: only architecture exercises have a decision record`)
				else if (event.data.stage > attempt.stage) problems.push(`event ${event.seq}: stage ${event.data.stage} is not open yet; submit stage ${attempt.stage} first`)
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
			for (const mark of marks) if (!textRuns.has(mark.runId)) problems.push(`prediction.mark names run ${mark.runId}, which has no free-text prediction on this attempt`)
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
	}, ids)
}

// ---------------------------------------------------------------------------------------
// Runs

/**
 * What a run or a grading needs before the sandbox: the attempt must be the caller's and in
 * progress, and the learner's files must be the exercise's own and fit the sandbox.
 */
async function openForRun(owner: AttemptOwner, attemptId: string, files: Files) {
	const prisma = getPrisma()
	const attempt = await prisma.attempt.findFirst({
		where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId },
		select: { status: true, exerciseVersionId: true, stage: true },
	})
	if (!attempt) throw new AttemptError(404, 'This attempt does not exist, or it is not yours.')
	requireInProgress(attempt.status)
	const version = await versionContent(prisma, attempt.exerciseVersionId)
	const metadata = metadataOf(version)
	const publicFiles = version.publicFiles as Files
	const starter = srcFiles(publicFiles)
	const limits = limitsOf(metadata)
	const problem = checkLearnerFiles(files, starter, { ...DEFAULT_LIMITS, ...limits })
	if (problem) throw problem
	return { exerciseVersionId: attempt.exerciseVersionId, metadata, publicFiles, starter, limits, stage: stageOf(attempt.stage) }
}

/**
 * The hidden test files a stage plays, and no others: anything the sandbox receives, the
 * learner's code could import and so play or print, and the other stage's files are either
 * not open yet (stage 2's, while grading stage 1) or grading scenarios never run on demand.
 */
async function stageHiddenFiles(versionId: string, testFiles: string[]) {
	const version = await getPrisma().exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { hiddenTests: true } })
	const played = new Set(testFiles)
	return Object.fromEntries(Object.entries(version.hiddenTests as Files).filter(([file]) => played.has(file))) as Files
}

function stageNotOpen(requested: number, current: Stage) {
	return requested > current
		? new AttemptError(409, `Stage ${requested} opens once you have submitted stage ${current}: submit your design and decision record for stage ${current} first.`)
		: new AttemptError(409, `Stage ${requested} is already submitted; you are on stage ${current} now. Reload the page to see it.`)
}

/** The files and test files a run plays: the visible tests, or for an architecture exercise the scenarios of the learner's stage. */
async function runPlan(opened: Awaited<ReturnType<typeof openForRun>>, files: Files, requestedStage: number | undefined) {
	const tests = visibleTestFiles(opened.publicFiles)
	const architecture = opened.metadata.kind === 'architecture' ? opened.metadata.architecture : undefined
	if (!architecture) return { files: { ...files, ...tests }, testFiles: Object.keys(tests).sort() }
	if (requestedStage !== undefined && requestedStage !== opened.stage) throw stageNotOpen(requestedStage, opened.stage)
	const testFiles = runScenarioFiles(architecture, opened.stage)
	const hidden = needsHiddenFiles(testFiles) ? await stageHiddenFiles(opened.exerciseVersionId, testFiles) : {}
	return { files: { ...files, ...tests, ...hidden }, testFiles }
}

export type RunRequestInput = { files: Files; hypothesisId?: string | null; prediction?: Prediction | null; stage?: number }

/** Runs the visible tests on the learner's code and records the run as an experiment. */
export async function recordRun(owner: AttemptOwner, attemptId: string, input: RunRequestInput, now = new Date()) {
	const opened = await openForRun(owner, attemptId, input.files)
	const { limits } = opened
	const plan = await runPlan(opened, input.files, input.stage)
	const prisma = getPrisma()
	let hypothesisId: string | null = null
	if (input.hypothesisId) {
		const hypothesis = await prisma.journalEntry.findFirst({ where: { attemptId, clientId: input.hypothesisId, kind: 'hypothesis' }, select: { id: true } })
		if (!hypothesis) throw new AttemptError(400, 'The hypothesis this run tests is not in your journal yet. Wait a moment for it to save, then run again.')
		hypothesisId = hypothesis.id
	}
	const result = await runTests({
		files: plan.files,
		testFiles: plan.testFiles,
		owner: owner.id,
		seed: 1,
		limits,
	})
	// Nothing ran, so there is no experiment to record.
	if (result.limit === 'queue') throw new AttemptError(429, result.message ?? 'The sandbox is busy; run again in a few seconds.')
	const predictionCorrect = input.prediction ? scorePrediction(input.prediction, result) : null
	const passed = result.tests.filter((test) => test.status === 'pass').length
	const failed = result.tests.filter((test) => test.status === 'fail' || test.status === 'error').length
	return withAttemptLock(owner, attemptId, async (tx, locked) => {
		requireInProgress(locked.status)
		const number = locked.runCount + 1
		const run = await tx.run.create({
			data: {
				attemptId,
				number,
				files: input.files,
				result: result as unknown as Prisma.InputJsonValue,
				status: result.status,
				passed,
				failed,
				hypothesisId,
				prediction: input.prediction ?? undefined,
				predictionCorrect,
				createdAt: now,
			},
			select: { id: true },
		})
		const eventCount = await appendEvents(tx, attemptId, locked.eventCount, [
			{
				type: 'run',
				at: now,
				data: {
					runId: run.id,
					number,
					status: result.status,
					passed,
					failed,
					hypothesisId: input.hypothesisId ?? null,
					prediction: input.prediction ?? null,
					predictionCorrect,
					changes: diffFiles(locked.draft as Files, input.files),
				},
			},
		])
		await tx.attempt.update({
			where: { id: attemptId },
			data: { runCount: number, eventCount, draft: input.files, lastActiveAt: now },
			select: { id: true },
		})
		return { id: run.id, number, result, predictionCorrect, hypothesisId: input.hypothesisId ?? null, prediction: input.prediction ?? null, passed, failed }
	})
}

// ---------------------------------------------------------------------------------------
// Hints, submissions, giving up

export async function revealHint(owner: AttemptOwner, attemptId: string, index: number, now = new Date()) {
	return withAttemptLock(owner, attemptId, async (tx, attempt) => {
		requireInProgress(attempt.status)
		const metadata = metadataOf(attempt.exerciseVersion)
		const hypothesisCount = await tx.journalEntry.count({ where: { attemptId, kind: 'hypothesis' } })
		const state = hintState(metadata.hints, { revealedCount: attempt.hintsRevealed, startedAt: attempt.startedAt, now, hypothesisCount, hintsAllowed: attempt.hintsAllowed })
		// Revealing the same hint twice (a double click) is not a second reveal.
		if (index < attempt.hintsRevealed) return { index, text: metadata.hints[index]!.text }
		if (!state.allowed) throw new AttemptError(409, 'Hints are turned off for this assignment.')
		if (!state.next || state.next.index !== index) throw new AttemptError(409, 'Hints open in order; reveal the earlier one first.')
		if (!state.next.unlocked) throw new AttemptError(409, 'This hint is still locked: keep working and recording hypotheses.')
		const eventCount = await appendEvents(tx, attemptId, attempt.eventCount, [{ type: 'hint.revealed', at: now, data: { index } }])
		await tx.attempt.update({ where: { id: attemptId }, data: { hintsRevealed: index + 1, eventCount, lastActiveAt: now }, select: { id: true } })
		return { index, text: metadata.hints[index]!.text }
	})
}

/** Grades a diagnosis with the hidden tests. A wrong one is feedback, and the attempt goes on. */
export async function submitDiagnosis(owner: AttemptOwner, attemptId: string, diagnosis: Omit<Diagnosis, 'files' | 'attested'> & { files: Files; attested: boolean }, now = new Date()) {
	const { exerciseVersionId, metadata, publicFiles, starter, limits } = await openForRun(owner, attemptId, diagnosis.files)
	if (metadata.kind === 'architecture') throw new AttemptError(400, 'An architecture exercise is submitted stage by stage, with its decision record, not with a diagnosis.')
	const hidden = await getPrisma().exerciseVersion.findUniqueOrThrow({ where: { id: exerciseVersionId }, select: { hiddenTests: true } })
	if (!(diagnosis.file in starter)) throw new AttemptError(400, 'Pick the lines of the root cause in one of the exercise’s src/ files.')
	const lineCount = diagnosis.files[diagnosis.file]!.split('\n').length
	if (diagnosis.endLine > lineCount) throw new AttemptError(400, `${diagnosis.file} has ${lineCount} lines; pick lines inside it.`)
	const tests = { ...visibleTestFiles(publicFiles), ...(hidden.hiddenTests as Files) }
	const result = await runTests({ files: { ...diagnosis.files, ...tests }, testFiles: Object.keys(tests).sort(), owner: owner.id, seed: 1, limits })
	if (result.limit === 'queue') throw new AttemptError(429, result.message ?? 'The sandbox is busy; submit again in a few seconds.')
	const grade = gradeDiagnosis({
		picked: { file: diagnosis.file, startLine: diagnosis.startLine, endLine: diagnosis.endLine },
		category: diagnosis.category,
		starterFiles: starter,
		submittedFiles: diagnosis.files,
		rootCause: metadata.rootCause,
		result,
	})
	return withAttemptLock(owner, attemptId, async (tx, locked) => {
		requireInProgress(locked.status)
		const number = locked.submissionCount + 1
		const submission = await tx.submission.create({
			data: {
				attemptId,
				number,
				file: diagnosis.file,
				startLine: diagnosis.startLine,
				endLine: diagnosis.endLine,
				category: diagnosis.category,
				explanation: diagnosis.explanation,
				files: diagnosis.files,
				attested: diagnosis.attested,
				...grade,
				createdAt: now,
			},
			select: { id: true },
		})
		const eventCount = await appendEvents(tx, attemptId, locked.eventCount, [
			{
				type: 'submission',
				at: now,
				data: {
					submissionId: submission.id,
					number,
					location: { file: diagnosis.file, startLine: diagnosis.startLine, endLine: diagnosis.endLine },
					category: diagnosis.category,
					...grade,
					changes: diffFiles(locked.draft as Files, diagnosis.files),
				},
			},
		])
		await tx.attempt.update({
			where: { id: attemptId },
			data: {
				eventCount,
				submissionCount: number,
				failedFixCount: grade.fixCorrect ? locked.failedFixCount : locked.failedFixCount + 1,
				draft: diagnosis.files,
				lastActiveAt: now,
				...(grade.correct ? { status: 'solved' as const, finishedAt: now } : {}),
			},
			select: { id: true },
		})
		// Metrics and ratings are stored with the outcome, so reports never replay timelines.
		if (grade.correct) await recordAttemptOutcome(tx, attemptId)
		return { id: submission.id, number, ...grade }
	})
}

export async function giveUp(owner: AttemptOwner, attemptId: string, now = new Date()) {
	return withAttemptLock(owner, attemptId, async (tx, attempt) => {
		requireInProgress(attempt.status)
		const eventCount = await appendEvents(tx, attemptId, attempt.eventCount, [{ type: 'gave-up', at: now, data: {} }])
		await tx.attempt.update({ where: { id: attemptId }, data: { status: 'gave_up', finishedAt: now, eventCount, lastActiveAt: now }, select: { id: true } })
		// A first attempt given up is a finished game, rated as a loss (ADR 010).
		await recordAttemptOutcome(tx, attemptId)
	})
}

/**
 * Hands in a stage of an architecture attempt: the decision record must be complete for the
 * stage, and every scenario of the stages so far (hidden grading ones included) plays against
 * the design. Submitting stage 1 opens stage 2 whatever it measured — the learner lives with
 * the design they submitted; stage 2 passing every scenario solves the attempt. A stage that
 * misses a threshold counts as a failed change, like a fix that fails the hidden tests.
 */
export async function submitStage(owner: AttemptOwner, attemptId: string, input: { stage: number; files: Files; record: DecisionRecord }, now = new Date()) {
	const opened = await openForRun(owner, attemptId, input.files)
	const architecture = opened.metadata.kind === 'architecture' ? opened.metadata.architecture : undefined
	if (!architecture) throw new AttemptError(400, 'This exercise has no stages; submit a diagnosis instead.')
	if (input.stage !== opened.stage) throw stageNotOpen(input.stage, opened.stage)
	const stage = opened.stage
	const missing = checkDecisionRecord(input.record, stage)
	if (Object.keys(missing).length) throw new AttemptError(400, 'The decision record is not complete yet.', Object.values(missing).filter((message): message is string => Boolean(message)))
	const testFiles = gradingScenarioFiles(architecture, stage)
	const hidden = await stageHiddenFiles(opened.exerciseVersionId, testFiles)
	const result = await runTests({ files: { ...input.files, ...visibleTestFiles(opened.publicFiles), ...hidden }, testFiles, owner: owner.id, seed: 1, limits: opened.limits })
	if (result.limit === 'queue') throw new AttemptError(429, result.message ?? 'The sandbox is busy; submit again in a few seconds.')
	const grade = gradeStage(result)
	return withAttemptLock(owner, attemptId, async (tx, locked) => {
		requireInProgress(locked.status)
		if (locked.stage !== stage) throw stageNotOpen(stage, stageOf(locked.stage))
		const number = locked.submissionCount + 1
		const solved = stage === 2 && grade.passed
		const submission = await tx.stageSubmission.create({
			data: {
				attemptId,
				stage,
				number,
				files: input.files,
				record: input.record,
				scenarios: grade.scenarios as unknown as Prisma.InputJsonValue,
				scenariosPassed: grade.scenariosPassed,
				scenariosTotal: grade.scenariosTotal,
				passed: grade.passed,
				createdAt: now,
			},
			select: { id: true },
		})
		const eventCount = await appendEvents(tx, attemptId, locked.eventCount, [
			{
				type: 'stage.submitted',
				at: now,
				data: { submissionId: submission.id, stage, number, passed: grade.passed, scenariosPassed: grade.scenariosPassed, scenariosTotal: grade.scenariosTotal, record: input.record, changes: diffFiles(locked.draft, input.files) },
			},
		])
		await tx.attempt.update({
			where: { id: attemptId },
			data: {
				eventCount,
				submissionCount: number,
				failedFixCount: grade.passed ? locked.failedFixCount : locked.failedFixCount + 1,
				draft: input.files,
				decisionRecord: input.record,
				stage: 2,
				lastActiveAt: now,
				...(solved ? { status: 'solved' as const, finishedAt: now } : {}),
			},
			select: { id: true },
		})
		if (solved) await recordAttemptOutcome(tx, attemptId)
		return { id: submission.id, number, stage, unlocked: stage === 1, solved, ...grade }
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

/** One run's full result (for the output panel), only for its owner. */
export async function getRun(owner: AttemptOwner, attemptId: string, runId: string) {
	return getPrisma().run.findFirst({
		where: { id: runId, attemptId, attempt: { userId: owner.id, organizationId: owner.organizationId } },
		select: { id: true, number: true, result: true, files: true, prediction: true, predictionCorrect: true, createdAt: true },
	})
}

// Test names of each exercise version's visible tests, found by running them once on the
// starter: exact names for the prediction picker, even before the learner's first run.
const testNamesByVersion = new Map<string, Promise<string[]>>()

export function visibleTestNames(versionId: string, publicFiles: Files, metadata: ExerciseMetadata): Promise<string[]> {
	let names = testNamesByVersion.get(versionId)
	if (!names) {
		const tests = visibleTestFiles(publicFiles)
		names = runTests({ files: publicFiles, testFiles: Object.keys(tests).sort(), seed: 1, limits: limitsOf(metadata), owner: 'catalogue' }).then((result) => {
			// A failed listing is not cached, so the next page load tries again.
			if (result.tests.length === 0) testNamesByVersion.delete(versionId)
			return result.tests.map((test) => test.name)
		})
		testNamesByVersion.set(versionId, names)
	}
	return names
}

/** Whether the attempt exists and is this person's; guards check it before reading a form. */
export async function ownsAttempt(owner: AttemptOwner, attemptId: string): Promise<boolean> {
	const attempt = await getPrisma().attempt.findFirst({ where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId }, select: { id: true } })
	return attempt !== null
}
