// The growth report: one engineer over a period against the period before (ADR 010), and the
// decision records of their architecture attempts in it. Scoped to the organisation and the
// engineer.
import { DecisionRecordDraftSchema } from '#app/architecture/decision-record.ts'
import { attemptMetricsSelect, toAttemptMetrics } from '#app/growth/attempt-metrics-columns.ts'
import { growthReportAttemptRow, type GrowthReportAttemptRow } from '#app/growth/growth-report-csv.ts'
import {
	ratingChangesByAttempt,
	reviewExcerpt,
	skillsInPeriod,
	tellingAttempts,
	type ReportIndependence,
	type SkillInPeriod,
	type TellingAttempt,
} from '#app/growth/growth-report.ts'
import { comparePeriods, summarizePeriod, type MetricComparison, type MetricName, type PeriodMetrics } from '#app/growth/metrics.ts'
import { storedRatingChangeSelect } from '#app/growth/stored-rating-change.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { growthNoteSelect, growthNoteView } from './growth-note.server.ts'

export type GrowthPeriod = { from: Date; to: Date }

export type GrowthReport = {
	engineer: { id: string; name: string; email: string; teams: Array<{ id: string; name: string; role: 'learner' | 'lead' }> }
	period: { from: string; to: string }
	/** The period of the same length just before, that changes are compared with. */
	previousPeriod: { from: string; to: string }
	skills: SkillInPeriod[]
	metrics: { current: PeriodMetrics; previous: PeriodMetrics; comparison: Record<MetricName, MetricComparison> }
	independence: ReportIndependence
	tellingAttempts: TellingAttempt[]
	reviews: Array<{ attemptId: string; exerciseTitle: string; reviewerName: string; percent: number; excerpt: string; reviewedAt: string }>
	/** Notes dated in the period; `forPeriod` names the report period one was written for after it ended. */
	notes: Array<{ id: string; body: string; authorName: string; createdAt: string; forPeriod: string | null }>
	/** Every attempt finished in the period, oldest first, with all its metrics: the CSV export. */
	attempts: GrowthReportAttemptRow[]
}

/**
 * One engineer over a period [from, to): skills and their change against the previous period
 * of the same length, process metrics compared, independence, telling attempts, review
 * excerpts, lead notes and every attempt's metrics. Null when not in this organisation.
 * Eleven queries.
 */
export async function getGrowthReport(organizationId: string, userId: string, period: GrowthPeriod): Promise<GrowthReport | null> {
	const { from, to } = period
	if (!(from.getTime() < to.getTime())) throw new RangeError('A growth report needs a period whose start is before its end.')
	const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()))
	const prisma = getPrisma()
	const [engineer, changes, metrics, notes] = await Promise.all([
		prisma.user.findFirst({
			where: { id: userId, organizationId },
			select: {
				id: true,
				name: true,
				email: true,
				memberships: { orderBy: { team: { name: 'asc' } }, select: { role: true, team: { select: { id: true, name: true } } } },
			},
		}),
		prisma.ratingChange.findMany({
			where: { organizationId, userId, at: { lt: to } },
			orderBy: [{ at: 'asc' }, { topic: 'asc' }],
			select: { attemptId: true, exerciseId: true, ...storedRatingChangeSelect },
		}),
		prisma.attemptMetrics.findMany({
			where: { organizationId, userId, finishedAt: { gte: previousFrom, lt: to } },
			orderBy: [{ finishedAt: 'asc' }, { attemptId: 'asc' }],
			select: {
				attemptId: true,
				...attemptMetricsSelect,
				attempt: {
					select: {
						exercise: { select: { slug: true, title: true } },
						review: { select: { percent: true, summary: true, updatedAt: true, reviewer: { select: { name: true } } } },
					},
				},
			},
		}),
		prisma.growthNote.findMany({
			where: { organizationId, userId, datedAt: { gte: from, lt: to } },
			orderBy: [{ datedAt: 'asc' }, { createdAt: 'asc' }],
			select: growthNoteSelect,
		}),
	])
	if (!engineer) return null

	const skills = skillsInPeriod(changes, { previousFrom, from })

	const current = metrics.filter((row) => row.finishedAt >= from)
	const before = metrics.filter((row) => row.finishedAt < from)
	const currentPeriod = summarizePeriod(current.map(toAttemptMetrics))
	const previousPeriod = summarizePeriod(before.map(toAttemptMetrics))

	const changesByAttempt = ratingChangesByAttempt(changes, from)
	const tellingAttemptsInPeriod = tellingAttempts(
		current.map((row) => ({ attemptId: row.attemptId, exercise: row.attempt.exercise, finishedAt: row.finishedAt, solved: row.solved })),
		changesByAttempt,
	)

	const reviews = current
		.filter((row) => row.attempt.review)
		.map((row) => ({
			attemptId: row.attemptId,
			exerciseTitle: row.attempt.exercise.title,
			reviewerName: row.attempt.review!.reviewer?.name ?? 'A former lead',
			percent: row.attempt.review!.percent,
			excerpt: reviewExcerpt(row.attempt.review!.summary),
			reviewedAt: row.attempt.review!.updatedAt.toISOString(),
		}))

	return {
		engineer: {
			id: engineer.id,
			name: engineer.name,
			email: engineer.email,
			teams: engineer.memberships.map((membership) => ({ ...membership.team, role: membership.role })),
		},
		period: { from: from.toISOString(), to: to.toISOString() },
		previousPeriod: { from: previousFrom.toISOString(), to: from.toISOString() },
		skills,
		metrics: { current: currentPeriod, previous: previousPeriod, comparison: comparePeriods(currentPeriod, previousPeriod) },
		independence: {
			independent: current.filter((row) => row.independent).length,
			withHints: current.filter((row) => row.hintsUsed > 0).length,
			withOutsidePastes: current.filter((row) => row.outsidePastes > 0).length,
			notAttested: current.filter((row) => !row.attested).length,
			attempts: current.length,
			rate: currentPeriod.independenceRate,
			previousRate: previousPeriod.independenceRate,
		},
		tellingAttempts: tellingAttemptsInPeriod,
		reviews,
		notes: notes.map(growthNoteView),
		attempts: current.map((row) =>
			growthReportAttemptRow(row, {
				exercise: row.attempt.exercise,
				ratingChange: changesByAttempt.get(row.attemptId)?.total ?? null,
				reviewPercent: row.attempt.review?.percent ?? null,
			}),
		),
	}
}

// ---------------------------------------------------------------------------------------
// Decision records

export type ReportDecisionRecord = {
	attemptId: string
	exercise: { slug: string; title: string }
	status: 'in_progress' | 'solved' | 'gave_up'
	/** When it was finished, or when its last stage in the period was handed in. */
	at: string
	/** Where the record comes from: the last stage handed in before the period ended, or the saved draft when none was. */
	source: { kind: 'stage'; stage: number; passed: boolean; scenariosPassed: number; scenariosTotal: number } | { kind: 'draft' }
	context: string
	/** The options weighed, by name. */
	options: string[]
	decision: string
	consequences: string
	followUp: string
}

/** More than a quarter's worth: the report stays a readable document. */
const MAX_DECISION_RECORDS = 12

/**
 * The engineer's architecture attempts finished, or with a stage handed in, during [from, to),
 * newest first, each with the decision record it stood on at the end of the period. Attempts
 * whose record is empty (nothing written) are left out.
 */
export async function listDecisionRecords(organizationId: string, userId: string, period: GrowthPeriod): Promise<ReportDecisionRecord[]> {
	const { from, to } = period
	const attempts = await getPrisma().attempt.findMany({
		where: {
			organizationId,
			userId,
			exercise: { kind: 'architecture' },
			OR: [{ finishedAt: { gte: from, lt: to } }, { stageSubmissions: { some: { createdAt: { gte: from, lt: to } } } }],
		},
		orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
		take: MAX_DECISION_RECORDS,
		select: {
			id: true,
			status: true,
			finishedAt: true,
			decisionRecord: true,
			exercise: { select: { slug: true, title: true } },
			stageSubmissions: {
				where: { createdAt: { lt: to } },
				orderBy: { number: 'desc' },
				take: 1,
				select: { stage: true, passed: true, scenariosPassed: true, scenariosTotal: true, record: true, createdAt: true },
			},
		},
	})
	const records: ReportDecisionRecord[] = []
	for (const attempt of attempts) {
		const submitted = attempt.stageSubmissions[0]
		const parsed = DecisionRecordDraftSchema.safeParse(submitted ? submitted.record : attempt.decisionRecord)
		if (!parsed.success) continue
		const record = parsed.data
		const options = record.options.map((option) => option.name.trim()).filter(Boolean)
		if (![record.context, record.decision, record.consequences, record.followUp].some((text) => text.trim()) && options.length === 0) continue
		const finishedInPeriod = attempt.finishedAt && attempt.finishedAt >= from && attempt.finishedAt < to
		const at = finishedInPeriod ? attempt.finishedAt! : (submitted?.createdAt ?? attempt.finishedAt ?? from)
		records.push({
			attemptId: attempt.id,
			exercise: attempt.exercise,
			// As it stood at the end of the period: an attempt finished later was still open then.
			status: finishedInPeriod ? attempt.status : 'in_progress',
			at: at.toISOString(),
			source: submitted
				? {
						kind: 'stage',
						stage: submitted.stage,
						passed: submitted.passed,
						scenariosPassed: submitted.scenariosPassed,
						scenariosTotal: submitted.scenariosTotal,
					}
				: { kind: 'draft' },
			context: record.context.trim(),
			options,
			decision: record.decision.trim(),
			consequences: record.consequences.trim(),
			followUp: record.followUp.trim(),
		})
	}
	return records
}
