// Reviews: a lead replays a finished attempt of someone in their teams and scores it with
// the exercise's rubric. Who may review which attempts is `reviewableAttemptsWhere` in
// permissions.server.ts; the learner reads the review of their own attempt.
import type { Files } from '#app/attempts/code-history.ts'
import { srcFiles } from '#app/attempts/files.ts'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import type { ScenarioSummary } from '#app/architecture/stages.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { rubricPercent, type RubricCriterion, type RubricScores } from '#app/reviews/rubric.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { reviewableAttemptsWhere, type Actor } from '#app/utils/permissions.server.ts'
import { recordAudit } from './audit.server.ts'
import { queueRowSelect } from './review-queue.server.ts'
import { isUniqueViolation } from './organization.server.ts'
import { notifyAttemptReviewed } from './notification-events.server.ts'

export type Reviewer = Actor

/** Why a lead cannot act on an attempt, with the HTTP status to answer. */
export class ReviewError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string,
		readonly current?: ReviewView,
	) {
		super(message)
	}
}

/** The newest reviews of attempts the reviewer may review, by anyone. */
export function listRecentlyReviewed(user: Reviewer, take = 10) {
	return getPrisma().review.findMany({
		where: { organizationId: user.organizationId, attempt: reviewableAttemptsWhere(user) },
		orderBy: { updatedAt: 'desc' },
		take,
		select: {
			id: true,
			percent: true,
			updatedAt: true,
			reviewer: { select: { id: true, name: true, memberships: { select: { teamId: true } } } },
			attempt: { select: queueRowSelect },
		},
	})
}

/**
 * What "Save and open the next" tells the lead on the page it opens: whose review was saved,
 * with what score. Null unless the attempt is one they may review and it has a review.
 */
export async function getSavedReviewNotice(user: Reviewer, attemptId: string) {
	const attempt = await getPrisma().attempt.findFirst({
		where: { id: attemptId, ...reviewableAttemptsWhere(user), review: { isNot: null } },
		select: { user: { select: { name: true } }, exercise: { select: { title: true } }, review: { select: { percent: true } } },
	})
	return attempt?.review ? { learnerName: attempt.user.name, exerciseTitle: attempt.exercise.title, percent: attempt.review.percent } : null
}

export type SavedReviewNotice = NonNullable<Awaited<ReturnType<typeof getSavedReviewNotice>>>

const reviewSelect = {
	id: true,
	scores: true,
	percent: true,
	summary: true,
	version: true,
	createdAt: true,
	updatedAt: true,
	seenAt: true,
	reviewer: { select: { name: true } },
} as const

export type ReviewView = {
	id: string
	scores: RubricScores
	percent: number
	summary: string
	version: number
	updatedAt: string
	reviewerName: string
}

function toReviewView(review: {
	id: string
	scores: unknown
	percent: number
	summary: string
	version: number
	updatedAt: Date
	reviewer: { name: string } | null
}): ReviewView {
	return {
		id: review.id,
		scores: review.scores as RubricScores,
		percent: review.percent,
		summary: review.summary,
		version: review.version,
		updatedAt: review.updatedAt.toISOString(),
		reviewerName: review.reviewer?.name ?? 'A former lead',
	}
}

const commentSelect = { id: true, offsetMs: true, file: true, line: true, body: true, createdAt: true, author: { select: { name: true } } } as const

function toCommentView(comment: {
	id: string
	offsetMs: number
	file: string | null
	line: number | null
	body: string
	createdAt: Date
	author: { name: string } | null
}) {
	return {
		id: comment.id,
		offsetMs: comment.offsetMs,
		file: comment.file,
		line: comment.line,
		body: comment.body,
		createdAt: comment.createdAt.toISOString(),
		authorName: comment.author?.name ?? 'A former lead',
	}
}

export type ReviewCommentView = ReturnType<typeof toCommentView>

declare const reviewable: unique symbol

/**
 * An attempt as a reviewer's request found it. Only `findReviewableAttempt` makes one, so the
 * functions that take it do not check again whether the reviewer may review it.
 */
export type ReviewableAttempt = {
	readonly id: string
	readonly status: 'in_progress' | 'solved' | 'gave_up'
	readonly finishedAt: Date | null
	readonly rubric: RubricCriterion[]
	/** The exercise's files under src/, the ones a comment may point at. */
	readonly starter: Files
	readonly [reviewable]: true
}

/**
 * Finds the attempt for a reviewer: 404 when it is not in their organisation, 403 when it is
 * but belongs to nobody they lead (or to themselves).
 */
export async function findReviewableAttempt(user: Reviewer, attemptId: string): Promise<ReviewableAttempt> {
	const prisma = getPrisma()
	const [inOrg, attempt] = await Promise.all([
		prisma.attempt.findFirst({ where: { id: attemptId, organizationId: user.organizationId }, select: { id: true } }),
		prisma.attempt.findFirst({
			where: { id: attemptId, ...reviewableAttemptsWhere(user) },
			select: { id: true, status: true, finishedAt: true, exerciseVersion: { select: { metadata: true, publicFiles: true } } },
		}),
	])
	if (!inOrg) throw new ReviewError(404, 'This attempt does not exist.')
	if (!attempt) throw new ReviewError(403, 'Only the leads of this engineer’s teams and organisation admins can review this attempt.')
	const rubric = (attempt.exerciseVersion.metadata as ExerciseMetadata).rubric as RubricCriterion[]
	return {
		id: attempt.id,
		status: attempt.status,
		finishedAt: attempt.finishedAt,
		rubric,
		starter: srcFiles(attempt.exerciseVersion.publicFiles as Files),
	} as ReviewableAttempt
}

/** Everything the replay page shows. */
export async function getAttemptForReview(reviewable: ReviewableAttempt) {
	const attempt = await getPrisma().attempt.findUniqueOrThrow({
		where: { id: reviewable.id },
		select: {
			id: true,
			status: true,
			startedAt: true,
			finishedAt: true,
			hintsAllowed: true,
			pasteBlocked: true,
			hardMode: true,
			runCount: true,
			hintsRevealed: true,
			outsidePastes: true,
			outsidePasteChars: true,
			blockedPastes: true,
			largeInsertions: true,
			focusLosses: true,
			awayMs: true,
			user: { select: { id: true, name: true, memberships: { select: { teamId: true } } } },
			assignment: { select: { dueAt: true, team: { select: { name: true } } } },
			exercise: { select: { slug: true, title: true } },
			exerciseVersion: { select: { number: true, metadata: true, publicFiles: true } },
			events: { orderBy: { position: 'asc' }, select: { position: true, type: true, at: true, data: true } },
			runs: {
				orderBy: { number: 'asc' },
				select: { id: true, number: true, status: true, passed: true, failed: true, prediction: true, predictionCorrect: true, createdAt: true },
			},
			submissions: {
				orderBy: { number: 'asc' },
				select: {
					id: true,
					number: true,
					file: true,
					startLine: true,
					endLine: true,
					category: true,
					explanation: true,
					attested: true,
					locationCorrect: true,
					categoryCorrect: true,
					fixCorrect: true,
					correct: true,
					testsPassed: true,
					testsFailed: true,
					createdAt: true,
				},
			},
			review: { select: reviewSelect },
			reviewComments: { orderBy: [{ offsetMs: 'asc' }, { createdAt: 'asc' }], select: commentSelect },
			stageSubmissions: {
				orderBy: { number: 'asc' },
				select: {
					id: true,
					number: true,
					stage: true,
					passed: true,
					scenariosPassed: true,
					scenariosTotal: true,
					scenarios: true,
					record: true,
					createdAt: true,
				},
			},
		},
	})
	const metadata = attempt.exerciseVersion.metadata as ExerciseMetadata
	return {
		attempt: {
			id: attempt.id,
			status: attempt.status,
			startedAt: attempt.startedAt.toISOString(),
			finishedAt: attempt.finishedAt?.toISOString() ?? null,
			rules: { hintsAllowed: attempt.hintsAllowed, pasteBlocked: attempt.pasteBlocked, hardMode: attempt.hardMode },
			integrity: {
				hintsRevealed: attempt.hintsRevealed,
				outsidePastes: attempt.outsidePastes,
				outsidePasteChars: attempt.outsidePasteChars,
				blockedPastes: attempt.blockedPastes,
				largeInsertions: attempt.largeInsertions,
				focusLosses: attempt.focusLosses,
				awayMs: attempt.awayMs,
			},
			learner: { id: attempt.user.id, name: attempt.user.name, teamIds: attempt.user.memberships.map((membership) => membership.teamId) },
			assignment: attempt.assignment ? { dueAt: attempt.assignment.dueAt.toISOString(), team: attempt.assignment.team.name } : null,
		},
		exercise: {
			slug: attempt.exercise.slug,
			title: attempt.exercise.title,
			kind: metadata.kind,
			versionNumber: attempt.exerciseVersion.number,
			rubric: metadata.rubric as RubricCriterion[],
			// While the learner is still working, the lead's view shows nothing of the answer.
			reference:
				attempt.status === 'in_progress'
					? null
					: { category: metadata.rootCause.category, locations: metadata.rootCause.locations, explanation: metadata.rootCause.explanation },
		},
		starter: srcFiles(attempt.exerciseVersion.publicFiles as Files),
		events: attempt.events.map((event) => ({ position: event.position, type: event.type, at: event.at.toISOString(), data: event.data })),
		runs: attempt.runs.map((run) => ({ ...run, createdAt: run.createdAt.toISOString() })),
		submissions: attempt.submissions.map((submission) => ({ ...submission, createdAt: submission.createdAt.toISOString() })),
		stageSubmissions: attempt.stageSubmissions.map((submission) => ({
			...submission,
			scenarios: submission.scenarios as ScenarioSummary[],
			record: submission.record as DecisionRecord,
			createdAt: submission.createdAt.toISOString(),
		})),
		review: attempt.review ? toReviewView(attempt.review) : null,
		comments: attempt.reviewComments.map(toCommentView),
	}
}

export type AttemptForReview = Awaited<ReturnType<typeof getAttemptForReview>>

/** One run's full output, for the replay's output panel. */
export async function getRunForReview(attempt: ReviewableAttempt, runId: string) {
	return getPrisma().run.findFirst({ where: { id: runId, attemptId: attempt.id }, select: { id: true, number: true, result: true, predictionCorrect: true } })
}

/**
 * Saves the rubric score. `baseVersion` is the review version the lead's page showed (0 when
 * there was none): if someone saved in between, nothing is written and the error carries
 * their review, so the second lead sees it instead of silently replacing it.
 */
export async function saveReview(user: Reviewer, attempt: ReviewableAttempt, input: { scores: RubricScores; summary: string; baseVersion: number }) {
	if (attempt.status === 'in_progress')
		throw new ReviewError(409, 'This attempt is still in progress. It can be reviewed once the engineer has solved it or given up.')
	const attemptId = attempt.id
	const percent = rubricPercent(attempt.rubric, input.scores)
	const prisma = getPrisma()
	const conflict = async () => {
		const current = await prisma.review.findUniqueOrThrow({ where: { attemptId }, select: reviewSelect })
		const view = toReviewView(current)
		return new ReviewError(
			409,
			`${view.reviewerName} saved a review of this attempt while you were scoring it. Their review is shown below and nothing was overwritten; to replace it, adjust your scores and save again.`,
			view,
		)
	}
	// The review and the learner's notification of it are stored together (ADR 031).
	const stored = await prisma
		.$transaction(async (tx) => {
			if (input.baseVersion === 0) {
				await tx.review.create({
					data: { organizationId: user.organizationId, attemptId, reviewerId: user.id, scores: input.scores, percent, summary: input.summary },
					select: { id: true },
				})
			} else {
				const updated = await tx.review.updateMany({
					where: { attemptId, version: input.baseVersion },
					data: { reviewerId: user.id, scores: input.scores, percent, summary: input.summary, version: { increment: 1 }, seenAt: null },
				})
				if (updated.count === 0) return null
			}
			await notifyAttemptReviewed(tx, { organizationId: user.organizationId, attemptId, reviewerId: user.id, percent, version: input.baseVersion + 1 })
			return true
		})
		.catch((error: unknown) => {
			if (isUniqueViolation(error)) return null
			throw error
		})
	if (!stored) throw await conflict()
	await recordAudit({
		organizationId: user.organizationId,
		actorId: user.id,
		action: 'review.saved',
		targetType: 'Attempt',
		targetId: attemptId,
		detail: { percent },
	})
	const saved = await prisma.review.findUniqueOrThrow({ where: { attemptId }, select: reviewSelect })
	return toReviewView(saved)
}

const MAX_COMMENTS_PER_ATTEMPT = 200

export async function addReviewComment(
	user: Reviewer,
	attempt: ReviewableAttempt,
	input: { offsetMs: number; file: string | null; line: number | null; body: string },
) {
	if (attempt.status === 'in_progress') throw new ReviewError(409, 'This attempt is still in progress; comment once it is finished.')
	if (input.file !== null && !(input.file in attempt.starter))
		throw new ReviewError(400, 'Anchor the comment to one of the exercise’s files, or to the moment only.')
	if (input.file === null && input.line !== null) throw new ReviewError(400, 'Pick the file the line is in.')
	const prisma = getPrisma()
	if ((await prisma.reviewComment.count({ where: { attemptId: attempt.id } })) >= MAX_COMMENTS_PER_ATTEMPT) {
		throw new ReviewError(409, `This attempt already has ${MAX_COMMENTS_PER_ATTEMPT} comments. Put what is left in the review summary.`)
	}
	const comment = await prisma.reviewComment.create({ data: { attemptId: attempt.id, authorId: user.id, ...input }, select: commentSelect })
	return toCommentView(comment)
}

/** The review of the learner's own attempt (null until a lead has scored it); marks it seen. */
export async function getReviewForLearner(owner: { id: string; organizationId: string }, attemptId: string, now = new Date()) {
	const prisma = getPrisma()
	const attempt = await prisma.attempt.findFirst({
		where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId },
		select: {
			exerciseVersion: { select: { metadata: true } },
			review: { select: reviewSelect },
			reviewComments: { orderBy: [{ offsetMs: 'asc' }, { createdAt: 'asc' }], select: commentSelect },
		},
	})
	if (!attempt?.review) return null
	if (!attempt.review.seenAt) await prisma.review.update({ where: { id: attempt.review.id }, data: { seenAt: now }, select: { id: true } })
	return {
		...toReviewView(attempt.review),
		rubric: (attempt.exerciseVersion.metadata as ExerciseMetadata).rubric as RubricCriterion[],
		comments: attempt.reviewComments.map(toCommentView),
	}
}

export type LearnerReview = NonNullable<Awaited<ReturnType<typeof getReviewForLearner>>>

/** The learner's newest reviews, for the dashboard; `isNew` until they open the attempt. */
export async function listReviewsForLearner(owner: { id: string; organizationId: string }, take = 5) {
	const reviews = await getPrisma().review.findMany({
		where: { organizationId: owner.organizationId, attempt: { userId: owner.id } },
		orderBy: { updatedAt: 'desc' },
		take,
		select: {
			id: true,
			percent: true,
			updatedAt: true,
			seenAt: true,
			reviewer: { select: { name: true } },
			attempt: { select: { id: true, exercise: { select: { title: true } } } },
		},
	})
	return reviews.map((review) => ({
		id: review.id,
		attemptId: review.attempt.id,
		exerciseTitle: review.attempt.exercise.title,
		percent: review.percent,
		reviewerName: review.reviewer?.name ?? 'A former lead',
		updatedAt: review.updatedAt.toISOString(),
		isNew: review.seenAt === null,
	}))
}
