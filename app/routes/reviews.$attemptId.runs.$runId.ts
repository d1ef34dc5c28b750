// One run's full output for the replay page (JSON), for reviewers of the attempt only.
import type { Route } from './+types/reviews.$attemptId.runs.$runId'
import { getRunForReview, ReviewError } from '#app/models/review.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId) || !RECORD_ID_PATTERN.test(params.runId)) return Response.json({ error: 'This run does not exist.' }, { status: 404 })
	try {
		const run = await getRunForReview(user, params.attemptId, params.runId)
		if (!run) return Response.json({ error: 'This run does not exist.' }, { status: 404 })
		return Response.json({ id: run.id, number: run.number, result: run.result, predictionCorrect: run.predictionCorrect })
	} catch (error) {
		if (error instanceof ReviewError) return Response.json({ error: error.message }, { status: error.status })
		throw error
	}
}
