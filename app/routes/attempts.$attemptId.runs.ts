// Runs: POST runs the visible tests on the learner's code (JSON in, the run out); GET with
// ?run=<id> returns an earlier run's full result for the output panel.
import { data } from 'react-router'
import type { Route } from './+types/attempts.$attemptId.runs'
import { RunRequestSchema } from '#app/attempts/run-request.ts'
import { toRunView, type RecordedRun, type RunRefusal, type RunView } from '#app/attempts/run-view.ts'
import { AttemptError, findAttempt } from '#app/models/attempt/guard.server.ts'
import { getRun, recordRun } from '#app/models/attempt/run.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { readJsonBody } from '#app/utils/json-body.server.ts'
import { consumeRun } from '#app/utils/rate-limit.server.ts'

const refuse = (error: string, init: ResponseInit) => data<RunRefusal>({ error }, init)
const notFound = () => refuse('This attempt does not exist, or it is not yours.', { status: 404 })

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const runId = new URL(request.url).searchParams.get('run') ?? ''
	if (!RECORD_ID_PATTERN.test(params.attemptId) || !RECORD_ID_PATTERN.test(runId)) return notFound()
	const run = await getRun({ id: user.id, organizationId: user.organizationId }, params.attemptId, runId)
	if (!run) return notFound()
	return data<RunView>(toRunView(run))
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) return notFound()
	const attempt = await findAttempt({ id: user.id, organizationId: user.organizationId }, params.attemptId)
	if (!attempt) return notFound()
	const body = await readJsonBody(request, getEnv().MAX_BODY_BYTES)
	if (!body.ok) return refuse(body.message, { status: body.status })
	const parsed = RunRequestSchema.safeParse(body.value)
	if (!parsed.success) {
		const prediction = parsed.error.issues.find((issue) => issue.path[0] === 'prediction')
		return refuse(prediction ? `Prediction: ${prediction.message}` : 'The run request was malformed; nothing was run.', { status: 400 })
	}
	const limit = await consumeRun(user.id)
	if (limit.limited) {
		return refuse(
			`That is a lot of runs in one minute. Wait ${limit.retryAfterSeconds} s before the next one — a moment to read the last result is rarely wasted.`,
			{
				status: 429,
				headers: { 'Retry-After': String(limit.retryAfterSeconds) },
			},
		)
	}
	try {
		const run = await recordRun(attempt, parsed.data)
		return data<RecordedRun>(run)
	} catch (error) {
		if (error instanceof AttemptError) return refuse(error.message, { status: error.status })
		throw error
	}
}
