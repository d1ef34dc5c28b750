// What a growth report shows besides getGrowthReport's figures: the decision records of the
// engineer's architecture attempts in the period. One query, scoped to the organisation and
// the engineer.
import { DecisionRecordDraftSchema } from '#app/architecture/decision-record.ts'
import type { GrowthPeriod } from '#app/models/growth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'

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
export const MAX_DECISION_RECORDS = 12

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
				? { kind: 'stage', stage: submitted.stage, passed: submitted.passed, scenariosPassed: submitted.scenariosPassed, scenariosTotal: submitted.scenariosTotal }
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
