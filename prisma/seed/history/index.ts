// Six months of simulated practice for the demo organisation, so a fresh install shows
// ratings that moved, trends, reviews and growth reports instead of empty charts. Learners
// of different true skill work through the catalogue and their lead's assignments; every
// step goes through the code that records real attempts (startAttempt, recordEvents,
// recordRun, revealHint, submitDiagnosis, giveUp, createAssignments, saveReview), with the
// simulated moment as `now`, and runs and gradings go through the real sandbox. A seeded
// PRNG makes the same plan every time, relative to `now`.
//
// It is not part of seedDemo(), which the test suites call: they must stay fast.
//
// The learners are in personas.ts, the exercises as the simulation sees them in
// prepared-exercise.ts, who attempts what when in plan.ts, the calls an attempt makes in
// attempt-steps.ts and what the lead writes in reviews.ts; this module puts them in order.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { createAssignments } from '#app/models/assignment.server.ts'
import { raiseFlag } from '#app/models/flag.server.ts'
import { addGrowthNote } from '#app/models/growth/growth-note.server.ts'
import { findReviewableAttempt, saveReview, type Reviewer } from '#app/models/review.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { createRandom } from '#app/utils/random.ts'
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TEAM_NAME } from '../demo.ts'
import { attemptSteps, type Step } from './attempt-steps.ts'
import { HISTORY_LOGINS, PERSONAS, SECOND_TEAM_NAME } from './personas.ts'
import { DAY_MS, planHistory, type PlannedAttempt } from './plan.ts'
import { prepareExercises } from './prepared-exercise.ts'
import { planFlags } from './flags.ts'
import { LEAD_NOTES, reviewScores, reviewSummary } from './reviews.ts'

export { HISTORY_LOGINS, SECOND_TEAM_NAME } from './personas.ts'

export const HISTORY_SEEDED_ACTION = 'organization.history-seeded'
const DEFAULT_DAYS = 182
const DEFAULT_SEED = 20_261_202
// The flags' own stream (flags.ts): adding them changes nothing else in the history.
const FLAG_SEED_OFFSET = 7

export type HistoryOptions = {
	/** The end of the history; it spans the `days` before it. Defaults to the current time. */
	now?: Date
	days?: number
	seed?: number
	/** Called once it is clear the history will be made (it takes a while). */
	onStart?: () => void
}

export type HistorySummary = {
	organizationId: string
	learners: number
	teams: number
	assignments: number
	attempts: number
	solved: number
	gaveUp: number
	runs: number
	submissions: number
	hints: number
	reviews: number
	notes: number
	ratingChanges: number
	durationMs: number
}

/**
 * Gives the demo organisation six months of practice, if it has none yet: more learners (and
 * a second team led by the demo lead), assignments, attempts with full timelines, reviews
 * and notes. Returns null, changing nothing, when there is no demo organisation or it
 * already has attempts or history.
 */
export async function seedDemoHistory(options: HistoryOptions = {}): Promise<HistorySummary | null> {
	const started = performance.now()
	const prisma = getPrisma()
	const now = options.now ?? new Date()
	const days = options.days ?? DEFAULT_DAYS
	const random = createRandom(options.seed ?? DEFAULT_SEED)
	const end = now.getTime()
	const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS

	const admin = await prisma.user.findUnique({ where: { email: DEMO_LOGINS[0]!.email }, select: { id: true, organizationId: true } })
	if (!admin) return null
	const organizationId = admin.organizationId
	const [attempts, marker] = await Promise.all([
		prisma.attempt.count({ where: { organizationId } }),
		prisma.auditEvent.count({ where: { organizationId, action: HISTORY_SEEDED_ACTION } }),
	])
	if (attempts > 0 || marker > 0) return null
	const lead = await prisma.user.findFirst({
		where: { organizationId, email: DEMO_LOGINS.find((login) => login.role === 'lead')!.email },
		select: { id: true, name: true },
	})
	const checkout = await prisma.team.findUnique({ where: { organizationId_name: { organizationId, name: DEMO_TEAM_NAME } }, select: { id: true } })
	if (!lead || !checkout) return null
	options.onStart?.()

	const people = await addPeople(prisma, organizationId, lead.id, checkout.id)
	if (!people) return null
	const teamIds = new Map([
		[DEMO_TEAM_NAME, checkout.id],
		[SECOND_TEAM_NAME, people.secondTeamId],
	])
	const reviewer: Reviewer = { id: lead.id, organizationId, orgRole: 'member', teams: [...teamIds].map(([name, id]) => ({ id, name, role: 'lead' as const })) }

	// Exercises a team has been assigned already (the demo's current assignments) stay fresh for it.
	const current = await prisma.assignment.findMany({ where: { organizationId }, select: { teamId: true, exerciseId: true } })
	const reserved = new Map(
		[...teamIds].map(([name, id]) => [name, new Set(current.filter((assignment) => assignment.teamId === id).map((assignment) => assignment.exerciseId))]),
	)

	const exercises = await prepareExercises(random)
	const plan = planHistory(random, exercises, reserved, start, end)
	const counters = { runs: 0, submissions: 0, hints: 0, reviews: 0, notes: 0 }
	const steps: Step[] = []
	let order = 0

	for (const assignment of plan.assignments) {
		steps.push({
			at: assignment.createdAt,
			order: order++,
			run: async () => {
				const [created] = await createAssignments({
					organizationId,
					teamId: teamIds.get(assignment.team)!,
					actorId: lead.id,
					slugs: [assignment.exercise.slug],
					audience: 'team',
					memberIds: [],
					dueAt: new Date(assignment.dueAt),
					rules: { hintsAllowed: assignment.hintsAllowed, pasteBlocked: assignment.pasteBlocked, hardMode: false },
				})
				// createAssignments stamps the real clock; the history needs the simulated one.
				await prisma.assignment.update({
					where: { id: created!.id },
					data: { createdAt: new Date(assignment.createdAt), updatedAt: new Date(assignment.createdAt) },
					select: { id: true },
				})
				// So do the learners' notifications of it; those older than ten days have been read.
				await prisma.notification.updateMany({
					where: { key: { startsWith: `assignment_given:${created!.id}:` } },
					data: {
						createdAt: new Date(assignment.createdAt),
						readAt: assignment.createdAt < end - 10 * DAY_MS ? new Date(assignment.createdAt + DAY_MS) : null,
					},
				})
			},
		})
	}
	const finished: Array<{ plan: PlannedAttempt; finishedAt: number; context: { attemptId: string } }> = []
	for (const attempt of plan.attempts) {
		const owner = { id: people.ids.get(attempt.persona.email)!, organizationId }
		const planned = attemptSteps(random, attempt, owner, counters)
		for (const step of planned.steps) steps.push({ ...step, order: order++ })
		finished.push({ plan: attempt, finishedAt: planned.steps.at(-1)!.at, context: planned.context })
	}
	// The lead reviews most assigned work and some practice, a few days after it was finished.
	for (const attempt of finished) {
		if (!random.chance(attempt.plan.assignment ? 0.8 : attempt.plan.retry ? 0.1 : 0.3)) continue
		const at = attempt.finishedAt + random.between(0.3, 4) * DAY_MS
		if (at >= end) continue
		const scores = reviewScores(random, attempt.plan, attempt.plan.exercise.rubric)
		const summary = reviewSummary(random, attempt.plan)
		steps.push({
			at,
			order: order++,
			run: async () => {
				const { attemptId } = attempt.context
				await saveReview(reviewer, await findReviewableAttempt(reviewer, attemptId), { scores, summary, baseVersion: 0 })
				// saveReview stamps the real clock; the history needs the simulated one.
				const seen = at < end - 10 * DAY_MS ? new Date(at + DAY_MS) : null
				await prisma.review.update({ where: { attemptId }, data: { createdAt: new Date(at), updatedAt: new Date(at), seenAt: seen }, select: { id: true } })
				await prisma.notification.updateMany({
					where: { key: { startsWith: `attempt_reviewed:${attemptId}:` } },
					data: { createdAt: new Date(at), readAt: seen },
				})
				counters.reviews += 1
			},
		})
	}
	// A few exercises flagged by learners after their attempts, most still open (own random stream).
	for (const flag of planFlags(createRandom((options.seed ?? DEFAULT_SEED) + FLAG_SEED_OFFSET), finished, end)) {
		const context = finished.find((attempt) => attempt.plan === flag.attempt)!.context
		steps.push({
			at: flag.at,
			order: order++,
			run: async () => {
				const owner = { id: people.ids.get(flag.attempt.persona.email)!, organizationId }
				const raised = await raiseFlag(owner, flag.attempt.exercise.slug, { reason: flag.reason, comment: flag.comment, attemptId: context.attemptId })
				if (!raised.ok) return
				// raiseFlag stamps the real clock; the history needs the simulated one.
				const resolved = flag.resolved ? { resolvedAt: new Date(flag.at + 2 * DAY_MS), resolvedById: lead.id } : {}
				await prisma.exerciseFlag.update({ where: { id: raised.id }, data: { createdAt: new Date(flag.at), ...resolved }, select: { id: true } })
				await prisma.notification.updateMany({
					where: { key: { startsWith: `exercise_flagged:${raised.id}:` } },
					data: { createdAt: new Date(flag.at), readAt: flag.resolved || flag.at < end - 10 * DAY_MS ? new Date(flag.at + DAY_MS) : null },
				})
			},
		})
	}
	for (const persona of PERSONAS) {
		for (const monthsBack of [4, 1]) {
			const at = end - monthsBack * 30 * DAY_MS + random.between(0, 5) * DAY_MS
			if (at < start || at >= end) continue
			const body = random.pick(LEAD_NOTES)
			steps.push({
				at,
				order: order++,
				run: async () => {
					await addGrowthNote({ organizationId, authorId: lead.id, userId: people.ids.get(persona.email)!, body, now: new Date(at) })
					counters.notes += 1
				},
			})
		}
	}

	steps.sort((a, b) => a.at - b.at || a.order - b.order)
	for (const step of steps) await step.run()

	// Audit events were stamped with the real clock too; move them to the moments they describe.
	await prisma.$executeRaw`
		UPDATE "AuditEvent" e SET "createdAt" = r."updatedAt"
		FROM "Review" r WHERE e."organizationId" = ${organizationId} AND e."action" = 'review.saved' AND e."targetId" = r."attemptId" AND r."organizationId" = ${organizationId}`
	await prisma.$executeRaw`
		UPDATE "AuditEvent" e SET "createdAt" = a."createdAt"
		FROM "Assignment" a WHERE e."organizationId" = ${organizationId} AND e."action" = 'assignment.created' AND e."detail"->'assignments' @> jsonb_build_array(a."id")`

	await prisma.$executeRaw`
		UPDATE "AuditEvent" e SET "createdAt" = f."createdAt"
		FROM "ExerciseFlag" f WHERE e."organizationId" = ${organizationId} AND e."action" = 'exercise.flagged' AND e."targetId" = f."exerciseId" AND e."actorId" = f."raisedById" AND f."organizationId" = ${organizationId}`

	const summary = await summarize(organizationId, teamIds.size, counters, started)
	await prisma.auditEvent.create({
		data: {
			organizationId,
			actorId: admin.id,
			action: HISTORY_SEEDED_ACTION,
			targetType: 'Organization',
			targetId: organizationId,
			detail: { ...summary } as Prisma.InputJsonValue,
		},
		select: { id: true },
	})
	return summary
}

/** The history's learners and the second team, in one transaction; null when another process got there first. */
async function addPeople(prisma: ReturnType<typeof getPrisma>, organizationId: string, leadId: string, checkoutId: string) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	try {
		return await prisma.$transaction(async (tx) => {
			const second = await tx.team.create({ data: { organizationId, name: SECOND_TEAM_NAME }, select: { id: true } })
			await tx.membership.create({ data: { organizationId, teamId: second.id, userId: leadId, role: 'lead' }, select: { id: true } })
			const ids = new Map<string, string>()
			for (const persona of PERSONAS) {
				const existing = await tx.user.findUnique({ where: { email: persona.email }, select: { id: true, organizationId: true } })
				if (existing && existing.organizationId !== organizationId)
					throw new Error(`Cannot seed the demo history: ${persona.email} belongs to another organisation.`)
				const user =
					existing ??
					(await tx.user.create({
						data: { organizationId, email: persona.email, name: persona.name, passwordHash },
						select: { id: true, organizationId: true },
					}))
				ids.set(persona.email, user.id)
				const teamId = persona.team === DEMO_TEAM_NAME ? checkoutId : second.id
				await tx.membership.upsert({
					where: { teamId_userId: { teamId, userId: user.id } },
					create: { organizationId, teamId, userId: user.id, role: 'learner' },
					update: {},
					select: { id: true },
				})
			}
			return { ids, secondTeamId: second.id }
		})
	} catch (error) {
		// The second team's name is unique per organisation: another server seeded the history first.
		if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') return null
		throw error
	}
}

async function summarize(
	organizationId: string,
	teams: number,
	counters: { runs: number; submissions: number; hints: number; reviews: number; notes: number },
	started: number,
): Promise<HistorySummary> {
	const prisma = getPrisma()
	const [learners, assignments, solved, gaveUp, ratingChanges] = await Promise.all([
		prisma.membership.count({ where: { organizationId, role: 'learner' } }),
		prisma.assignment.count({ where: { organizationId } }),
		prisma.attempt.count({ where: { organizationId, status: 'solved' } }),
		prisma.attempt.count({ where: { organizationId, status: 'gave_up' } }),
		prisma.ratingChange.count({ where: { organizationId } }),
	])
	return {
		organizationId,
		learners,
		teams,
		assignments,
		attempts: solved + gaveUp,
		solved,
		gaveUp,
		runs: counters.runs,
		submissions: counters.submissions,
		hints: counters.hints,
		reviews: counters.reviews,
		notes: counters.notes,
		ratingChanges,
		durationMs: Math.round(performance.now() - started),
	}
}

/** What seedDemoHistory did, for the console, with the logins it added. */
export function describeHistory(summary: HistorySummary): string {
	const logins = HISTORY_LOGINS.map((login) => `  learner  ${login.email.padEnd(22)} ${login.password}  (${login.team})`)
	return [
		`Added ${Math.round(DEFAULT_DAYS / 30)} months of demo history in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.attempts} attempts (${summary.solved} solved) by ${summary.learners} learners in ${summary.teams} teams, ${summary.runs} runs, ${summary.submissions} submissions, ${summary.hints} hints, ${summary.assignments} assignments, ${summary.reviews} reviews, ${summary.notes} lead notes, ${summary.ratingChanges} rating changes.`,
		'More demo logins:',
		...logins,
	].join('\n')
}
