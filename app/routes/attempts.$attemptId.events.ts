// The workspace's event endpoint: a JSON batch in, an acknowledgement out. Malformed batches
// get 400 with what was wrong, and nothing of them is stored.
import type { Route } from './+types/attempts.$attemptId.events'
import { recordEvents } from '#app/models/attempt/events.server.ts'
import { AttemptError } from '#app/models/attempt/guard.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { readJsonBody } from '#app/utils/json-body.server.ts'
import { observeEventBatch } from '#app/utils/metrics.server.ts'

export async function loader() {
	return Response.json({ error: 'Send events with POST.' }, { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request, params }: Route.ActionArgs) {
	const started = performance.now()
	const user = await requireUser(request)
	if (request.method !== 'POST') return Response.json({ error: 'Send events with POST.' }, { status: 405, headers: { Allow: 'POST' } })
	if (!RECORD_ID_PATTERN.test(params.attemptId)) return Response.json({ error: 'This attempt does not exist, or it is not yours.' }, { status: 404 })
	// A batch for someone else's attempt is a 404 whatever it holds: recordEvents checks the owner before it answers.
	const seconds = () => (performance.now() - started) / 1000
	const body = await readJsonBody(request, getEnv().MAX_BODY_BYTES)
	if (!body.ok) {
		observeEventBatch('refused', seconds())
		return Response.json({ error: body.message }, { status: body.status })
	}
	try {
		const receipt = await recordEvents({ id: user.id, organizationId: user.organizationId }, params.attemptId, body.value)
		observeEventBatch(receipt.accepted ? 'stored' : 'duplicate', seconds(), receipt.accepted)
		// Server-Timing lets the browser's dev tools (and bench:workspace) see the time spent here.
		return Response.json(receipt, { headers: { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` } })
	} catch (error) {
		observeEventBatch(error instanceof AttemptError && error.status < 500 ? 'refused' : 'failed', seconds())
		if (error instanceof AttemptError) return Response.json({ error: error.message, details: error.details }, { status: error.status })
		throw error
	}
}
