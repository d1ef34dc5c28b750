import { data } from 'react-router'
import type { Route } from './+types/attempts.$attemptId'
import { DiagnosisSchema, type WorkspaceActionData } from '#app/attempts/submission.ts'
import { Workspace } from '#app/components/workspace/workspace.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { AttemptError, getWorkspace, giveUp, ownsAttempt, revealHint, submitDiagnosis } from '#app/models/attempt.server.ts'
import { getReviewForLearner } from '#app/models/review.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { renderMarkdown } from '#app/utils/markdown.server.tsx'
import { consumeRun } from '#app/utils/rate-limit.server.ts'
import { z } from 'zod'

function notFound(): never {
	throw new Response('This attempt does not exist, or it is not yours. Your own attempts are listed under “My attempts”.', { status: 404 })
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) notFound()
	const workspace = await getWorkspace({ id: user.id, organizationId: user.organizationId }, params.attemptId)
	if (!workspace) notFound()
	const { brief, ...exercise } = workspace.exercise
	return {
		...workspace,
		review: await getReviewForLearner({ id: user.id, organizationId: user.organizationId }, params.attemptId),
		exercise: { ...exercise, briefHtml: renderMarkdown(brief.replace(/^#\s[^\n]*\n/, '')) },
		reference: workspace.reference ? { ...workspace.reference, explanationHtml: renderMarkdown(workspace.reference.explanation) } : null,
		now: new Date().toISOString(),
	}
}

const HintSchema = z.object({ index: z.coerce.number().int().min(0).max(10) })

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) notFound()
	const owner = { id: user.id, organizationId: user.organizationId }
	if (!(await ownsAttempt(owner, params.attemptId))) notFound()
	const form = await request.formData()
	const intent = form.get('intent')
	try {
		if (intent === 'reveal-hint') {
			const parsed = parseForm(form, HintSchema)
			if (!parsed.ok) return data<WorkspaceActionData>({ intent, ok: false, message: 'Choose a hint to reveal.' }, { status: 400 })
			const hint = await revealHint(owner, params.attemptId, parsed.data.index)
			return data<WorkspaceActionData>({ intent, ok: true, hint })
		}
		if (intent === 'give-up') {
			await giveUp(owner, params.attemptId)
			return data<WorkspaceActionData>({ intent, ok: true })
		}
		if (intent === 'submit') {
			const parsed = parseForm(form, DiagnosisSchema)
			if (!parsed.ok) return data<WorkspaceActionData>({ intent, ok: false, fieldErrors: parsed.fieldErrors }, { status: 400 })
			let files: unknown
			try {
				files = JSON.parse(parsed.data.files)
			} catch {
				files = null
			}
			const filesParsed = z.record(z.string(), z.string()).safeParse(files)
			if (!filesParsed.success) return data<WorkspaceActionData>({ intent, ok: false, message: 'The code did not come with the form. Reload the page and submit again; your code is saved.' }, { status: 400 })
			// Grading runs every test in the sandbox, so it counts against the same per-minute allowance as Run.
			const limit = await consumeRun(user.id)
			if (limit.limited) return data<WorkspaceActionData>({ intent, ok: false, message: `Too many runs in the last minute. Wait ${limit.retryAfterSeconds} s and submit again; nothing was lost.` }, { status: 429 })
			const grade = await submitDiagnosis(owner, params.attemptId, { ...parsed.data, files: filesParsed.data, attested: true })
			return data<WorkspaceActionData>({ intent, ok: true, number: grade.number, correct: grade.correct })
		}
	} catch (error) {
		if (error instanceof AttemptError) {
			if (error.status === 404) notFound()
			const failed = intent === 'submit' ? 'submit' : intent === 'give-up' ? 'give-up' : 'reveal-hint'
			return data<WorkspaceActionData>({ intent: failed, ok: false, message: error.message }, { status: error.status })
		}
		throw error
	}
	return data({ intent: 'give-up', ok: false, message: 'Unknown action.' } satisfies WorkspaceActionData, { status: 400 })
}

export default function AttemptWorkspace({ loaderData }: Route.ComponentProps) {
	return <Workspace data={loaderData} />
}

export const handle = { fullWidth: true }

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData ? `${loaderData.exercise.title} · Workspace · Hardmode` : 'Attempt not found · Hardmode' }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
