// One run's full output for the replay page (JSON), for reviewers of the attempt only.
import { data } from 'react-router'
import type { Route } from './+types/reviews.$attemptId.runs.$runId'
import { toRunView, type RunRefusal, type RunView } from '#app/attempts/run-view.ts'
import { findReviewableAttempt, getRunForReview, ReviewError } from '#app/models/review.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId) || !RECORD_ID_PATTERN.test(params.runId))
		return data<RunRefusal>({ error: 'This run does not exist.' }, { status: 404 })
	// The replay page reads the refusal as JSON, so the reviewer guard's 403 and 404 are answered here, not thrown.
	try {
		const attempt = await findReviewableAttempt(user, params.attemptId)
		const run = await getRunForReview(attempt, params.runId)
		if (!run) return data<RunRefusal>({ error: 'This run does not exist.' }, { status: 404 })
		return data<RunView>(toRunView(run))
	} catch (error) {
		if (error instanceof ReviewError) return data<RunRefusal>({ error: error.message }, { status: error.status })
		throw error
	}
}
