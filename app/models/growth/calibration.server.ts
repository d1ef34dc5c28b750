// A learner's calibration (app/growth/calibration.ts) from the predictions their runs scored:
// only runs whose prediction carried a confidence and was settled right or wrong count.
import { PredictionSchema } from '#app/attempts/prediction.ts'
import { calibration, type Calibration, type ScoredPrediction } from '#app/growth/calibration.ts'
import { getPrisma } from '#app/utils/db.server.ts'

/** The calibration of one learner's predictions, optionally within [from, to). Scoped to their organisation. */
export function getCalibration(owner: { id: string; organizationId: string }, period?: { from: Date; to: Date }): Promise<Calibration> {
	return pooledCalibration({ organizationId: owner.organizationId, userIds: [owner.id] }, period)
}

/**
 * The calibration of several learners' predictions taken together (a team's), never split by
 * person: a team figure, not a ranking.
 */
export async function pooledCalibration(scope: { organizationId: string; userIds: string[] }, period?: { from: Date; to: Date }): Promise<Calibration> {
	const runs = await getPrisma().run.findMany({
		where: {
			predictionCorrect: { not: null },
			attempt: { userId: { in: scope.userIds }, organizationId: scope.organizationId },
			...(period ? { createdAt: { gte: period.from, lt: period.to } } : {}),
		},
		select: { prediction: true, predictionCorrect: true, createdAt: true },
		orderBy: { createdAt: 'asc' },
	})
	return calibration(scoredPredictions(runs))
}

/** The pooled calibration of several teams (by their learners), with one query for them all. */
export async function teamCalibrations(
	organizationId: string,
	teams: ReadonlyArray<{ id: string; userIds: readonly string[] }>,
): Promise<Map<string, Calibration>> {
	const userIds = [...new Set(teams.flatMap((team) => team.userIds))]
	const runs = userIds.length
		? await getPrisma().run.findMany({
				where: { predictionCorrect: { not: null }, attempt: { userId: { in: userIds }, organizationId } },
				select: { prediction: true, predictionCorrect: true, createdAt: true, attempt: { select: { userId: true } } },
				orderBy: { createdAt: 'asc' },
			})
		: []
	return new Map(
		teams.map((team) => {
			const members = new Set(team.userIds)
			return [team.id, calibration(scoredPredictions(runs.filter((run) => members.has(run.attempt.userId))))]
		}),
	)
}

/** Runs as scored predictions, leaving out predictions without a confidence (made before it was asked). */
export function scoredPredictions(runs: Array<{ prediction: unknown; predictionCorrect: boolean | null; createdAt: Date }>): ScoredPrediction[] {
	return runs.flatMap((run) => {
		const parsed = PredictionSchema.safeParse(run.prediction)
		if (!parsed.success || parsed.data.confidence === undefined || run.predictionCorrect === null) return []
		return [{ confidence: parsed.data.confidence, correct: run.predictionCorrect, at: run.createdAt }]
	})
}
