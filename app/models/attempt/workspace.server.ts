// The workspace's read model: everything the learner's page shows of their attempt, read in
// one query (and one more for the ratings that fade its hints), scoped to its owner. Hidden
// tests, the solution and stage-2 material that is not open yet never leave here.
import type { Files } from '#app/attempts/code-history.ts'
import { srcFiles, visibleTestFiles } from '#app/attempts/files.ts'
import { hintState } from '#app/attempts/hints.ts'
import { learnerHintFading } from './hint-fading.server.ts'
import type { JournalEntryView } from '#app/attempts/journal.ts'
import type { Prediction } from '#app/attempts/prediction.ts'
import { DecisionRecordDraftSchema, emptyDecisionRecord } from '#app/architecture/decision-record.ts'
import { stageOf, type ScenarioSummary } from '#app/architecture/stages.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { runTests, type RunResult } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import type { AttemptOwner } from './guard.server.ts'

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
			assignment: { select: { id: true, dueAt: true, team: { select: { name: true } } } },
			exercise: { select: { slug: true, currentVersionId: true } },
			exerciseVersion: { select: { id: true, number: true, metadata: true, brief: true, publicFiles: true } },
			journalEntries: {
				orderBy: { createdAt: 'asc' },
				select: { id: true, clientId: true, kind: true, text: true, status: true, createdAt: true, updatedAt: true },
			},
			runs: {
				orderBy: { number: 'desc' },
				take: 50,
				select: {
					id: true,
					number: true,
					status: true,
					passed: true,
					failed: true,
					hypothesisId: true,
					prediction: true,
					predictionCorrect: true,
					createdAt: true,
				},
			},
			submissions: {
				orderBy: { number: 'desc' },
				select: {
					id: true,
					number: true,
					file: true,
					startLine: true,
					endLine: true,
					category: true,
					explanation: true,
					locationCorrect: true,
					categoryCorrect: true,
					fixCorrect: true,
					correct: true,
					testsPassed: true,
					testsFailed: true,
					createdAt: true,
				},
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
	const metadata = attempt.exerciseVersion.metadata as ExerciseMetadata
	const fading = await learnerHintFading(owner, metadata.topics)
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
			assignment: attempt.assignment ? { id: attempt.assignment.id, dueAt: attempt.assignment.dueAt.toISOString(), team: attempt.assignment.team.name } : null,
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
		hints: hintState(
			metadata.hints,
			{
				revealedCount: attempt.hintsRevealed,
				startedAt: attempt.startedAt,
				now,
				hypothesisCount: journal.filter((entry) => entry.kind === 'hypothesis').length,
				hintsAllowed: attempt.hintsAllowed,
			},
			fading,
		),
		submissions: attempt.submissions.map((submission) => ({ ...submission, createdAt: submission.createdAt.toISOString() })),
		architecture: architectureView(metadata, attempt),
		// The answer only once it can no longer spoil the attempt.
		reference: finished
			? {
					explanation: metadata.rootCause.explanation,
					category: metadata.rootCause.category,
					acceptedCategories: metadata.rootCause.acceptedCategories ?? [],
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
	attempt: {
		stage: number
		decisionRecord: unknown
		stageSubmissions: Array<{
			id: string
			number: number
			stage: number
			passed: boolean
			scenariosPassed: number
			scenariosTotal: number
			scenarios: unknown
			createdAt: Date
		}>
	},
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
		submissions: attempt.stageSubmissions.map((submission) => ({
			...submission,
			scenarios: submission.scenarios as ScenarioSummary[],
			createdAt: submission.createdAt.toISOString(),
		})),
	}
}

// Test names of each exercise version's visible tests, found by running them once on the
// starter: exact names for the prediction picker, even before the learner's first run.
const testNamesByVersion = new Map<string, Promise<string[]>>()

function visibleTestNames(versionId: string, publicFiles: Files, metadata: ExerciseMetadata): Promise<string[]> {
	let names = testNamesByVersion.get(versionId)
	if (!names) {
		const tests = visibleTestFiles(publicFiles)
		names = runTests({ files: publicFiles, testFiles: Object.keys(tests).sort(), seed: 1, limits: { ...(metadata.limits ?? {}) }, owner: 'catalogue' }).then(
			(result) => {
				// A failed listing is not cached, so the next page load tries again.
				if (result.tests.length === 0) testNamesByVersion.delete(versionId)
				return result.tests.map((test) => test.name)
			},
		)
		testNamesByVersion.set(versionId, names)
	}
	return names
}
