import { preload } from 'react-dom'
import { data, type ShouldRevalidateFunctionArgs } from 'react-router'
import type { Route } from './+types/attempts.$attemptId'
import { nextStepAfter } from '#app/attempts/next-step.ts'
import type { WorkspaceActionData } from '#app/attempts/submission.ts'
import { WorkspaceFormSchema } from '#app/attempts/workspace-form.ts'
import { buildWorkspaceView } from '#app/attempts/workspace-view.ts'
import { useFreshAttempt } from '#app/components/workspace/use-fresh-attempt.ts'
import { Workspace } from '#app/components/workspace/workspace.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { checkDecisionRecord, isComplete } from '#app/architecture/decision-record.ts'
import { stageOf } from '#app/architecture/stages.ts'
import { attestUnaided, getAttestation, getReferenceDesign } from '#app/models/attempt/attempt-end.server.ts'
import { giveUp } from '#app/models/attempt/give-up.server.ts'
import { AttemptError, findAttempt } from '#app/models/attempt/guard.server.ts'
import { revealHint } from '#app/models/attempt/hint.server.ts'
import { submitStage } from '#app/models/attempt/stage.server.ts'
import { submitDiagnosis } from '#app/models/attempt/submit.server.ts'
import { getWorkspace, type Workspace as WorkspaceReadModel } from '#app/models/attempt/workspace.server.ts'
import { getRatingExplanation } from '#app/models/growth/rating-explanation.server.ts'
import { getLearnerDashboard } from '#app/models/practice.server.ts'
import { describeRetentionCheck } from '#app/models/retention/report.server.ts'
import { formatDay } from '#app/utils/time-format.ts'
import { getReviewForLearner } from '#app/models/review.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { parseIntentForm, RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { renderMarkdown } from '#app/utils/markdown.server.tsx'
import { editorAssetsContext } from '#app/utils/request-context.ts'
import { consumeRun } from '#app/utils/rate-limit.server.ts'
import { z } from 'zod'

function notFound(): never {
	throw new Response('This attempt does not exist, or it is not yours. Your own attempts are listed under “My attempts”.', { status: 404 })
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) notFound()
	const owner = { id: user.id, organizationId: user.organizationId }
	const now = new Date()
	const workspace = await getWorkspace(owner, params.attemptId, now)
	if (!workspace) notFound()
	const finished = workspace.attempt.status !== 'in_progress'
	const [review, rating, end] = await Promise.all([
		getReviewForLearner(owner, params.attemptId),
		finished ? getRatingExplanation(params.attemptId, user.id) : null,
		finished ? attemptEnd(owner, workspace, now) : undefined,
	])
	return { ...buildWorkspaceView({ workspace, review, rating, end, now }, renderMarkdown), editorAssets: context.get(editorAssetsContext) }
}

/** What a finished attempt offers: the next step, the reference design (architecture) and the attestation. */
async function attemptEnd(owner: { id: string; organizationId: string }, workspace: WorkspaceReadModel, now: Date) {
	const [practice, referenceDesign, attestation, retentionCheck] = await Promise.all([
		getLearnerDashboard(getPrisma(), owner, now),
		getReferenceDesign(owner, workspace.attempt.id),
		workspace.architecture ? getAttestation(workspace.attempt.id) : ('not-applicable' as const),
		describeRetentionCheck(getPrisma(), owner, workspace.attempt.id, (day) => formatDay(day, now)),
	])
	const nextStep = nextStepAfter({
		exerciseSlug: workspace.exercise.slug,
		assignment: workspace.attempt.assignment,
		openAssignments: practice.assignments.filter((assignment) => assignment.progress !== 'solved'),
		suggestion: practice.suggestion,
	})
	return { nextStep, referenceDesign, attestation, retentionCheck }
}

// A 409 means the page is behind the attempt (finished or moved on in another tab): load it again.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
	return actionStatus === 409 || defaultShouldRevalidate
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) notFound()
	const owner = { id: user.id, organizationId: user.organizationId }
	const attempt = (await findAttempt(owner, params.attemptId)) ?? notFound()
	const form = parseIntentForm(await request.formData(), WorkspaceFormSchema)
	try {
		if (form.intent === 'reveal-hint') {
			if (!form.ok) return data<WorkspaceActionData>({ intent: form.intent, ok: false, message: 'Choose a hint to reveal.' }, { status: 400 })
			const hint = await revealHint(attempt, form.data.index)
			return data<WorkspaceActionData>({ intent: form.intent, ok: true, hint })
		}
		if (form.intent === 'give-up') {
			await giveUp(attempt)
			return data<WorkspaceActionData>({ intent: form.intent, ok: true })
		}
		if (form.intent === 'attest') {
			if (!form.ok)
				return data<WorkspaceActionData>(
					{ intent: form.intent, ok: false, message: form.fieldErrors.attested?.[0] ?? 'Tick the box to attest.' },
					{ status: 400 },
				)
			await attestUnaided(attempt)
			return data<WorkspaceActionData>({ intent: form.intent, ok: true })
		}
		if (form.intent === 'submit-stage') {
			if (!form.ok) {
				return data<WorkspaceActionData>(
					{
						intent: form.intent,
						ok: false,
						message: 'The design or the decision record did not come with the form. Reload the page and submit again; your work is saved.',
					},
					{ status: 400 },
				)
			}
			const { record, files } = form.data
			const stage = stageOf(form.data.stage)
			const missing = checkDecisionRecord(record, stage)
			if (!isComplete(missing))
				return data<WorkspaceActionData>(
					{ intent: form.intent, ok: false, message: 'The decision record is not complete yet.', fieldErrors: missing },
					{ status: 400 },
				)
			// Grading plays every scenario in the sandbox, so it counts against the same allowance as Run.
			const limit = await consumeRun(user.id)
			if (limit.limited)
				return data<WorkspaceActionData>(
					{
						intent: form.intent,
						ok: false,
						message: `Too many runs in the last minute. Wait ${limit.retryAfterSeconds} s and submit again; nothing was lost.`,
					},
					{ status: 429 },
				)
			const graded = await submitStage(attempt, { stage: form.data.stage, files, record })
			return data<WorkspaceActionData>({
				intent: form.intent,
				ok: true,
				stage: graded.stage,
				passed: graded.passed,
				scenariosPassed: graded.scenariosPassed,
				scenariosTotal: graded.scenariosTotal,
				unlocked: graded.unlocked,
				solved: graded.solved,
			})
		}
		if (form.intent === 'submit') {
			if (!form.ok) return data<WorkspaceActionData>({ intent: form.intent, ok: false, fieldErrors: form.fieldErrors }, { status: 400 })
			const { intent, files: filesJson, ...diagnosis } = form.data
			let files: unknown
			try {
				files = JSON.parse(filesJson)
			} catch {
				files = null
			}
			const filesParsed = z.record(z.string(), z.string()).safeParse(files)
			if (!filesParsed.success)
				return data<WorkspaceActionData>(
					{ intent, ok: false, message: 'The code did not come with the form. Reload the page and submit again; your code is saved.' },
					{ status: 400 },
				)
			// Grading runs every test in the sandbox, so it counts against the same per-minute allowance as Run.
			const limit = await consumeRun(user.id)
			if (limit.limited)
				return data<WorkspaceActionData>(
					{ intent, ok: false, message: `Too many runs in the last minute. Wait ${limit.retryAfterSeconds} s and submit again; nothing was lost.` },
					{ status: 429 },
				)
			const grade = await submitDiagnosis(attempt, { ...diagnosis, files: filesParsed.data, attested: true })
			return data<WorkspaceActionData>({ intent, ok: true, number: grade.number, correct: grade.correct })
		}
	} catch (error) {
		if (error instanceof AttemptError) {
			if (error.status === 404) notFound()
			if (form.intent === 'submit-stage' || form.intent === 'attest')
				return data<WorkspaceActionData>({ intent: form.intent, ok: false, message: error.message }, { status: error.status })
			const failed = form.intent === 'submit' ? 'submit' : form.intent === 'give-up' ? 'give-up' : 'reveal-hint'
			return data<WorkspaceActionData>({ intent: failed, ok: false, message: error.message }, { status: error.status })
		}
		throw error
	}
	return data({ intent: 'give-up', ok: false, message: 'Unknown action.' } satisfies WorkspaceActionData, { status: 400 })
}

export default function AttemptWorkspace({ loaderData }: Route.ComponentProps) {
	useFreshAttempt(loaderData.attempt.status)
	// Fetched while the page loads, not once it has hydrated, so the editor is editable sooner; at low
	// priority, after the page's own scripts (React puts these first in the head). A module script is
	// fetched in CORS mode, so its preload says so too, or the browser would fetch it twice.
	for (const href of loaderData.editorAssets) preload(href, { as: 'script', crossOrigin: '', fetchPriority: 'low' })
	return <Workspace data={loaderData} />
}

export const handle = { fullWidth: true }

// The workspace is live state: a page kept by the browser would show an ended attempt as still
// in progress after Back and Forward. The page also revalidates itself (useFreshAttempt).
export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: loaderData ? `${loaderData.exercise.title} · Workspace · Hardmode` : 'Attempt not found · Hardmode' },
]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
