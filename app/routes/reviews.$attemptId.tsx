import { data } from 'react-router'
import type { Route } from './+types/reviews.$attemptId'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ReviewPage } from '#app/components/review/review-page.tsx'
import { addReviewComment, getAttemptForReview, ReviewError, saveReview } from '#app/models/review.server.ts'
import { buildAttemptReviewView, type ReviewActionData } from '#app/reviews/review-view.ts'
import { checkRubricScores } from '#app/reviews/rubric.ts'
import { ReviewCommentSchema, ReviewSummarySchema } from '#app/reviews/review-form.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { renderMarkdown } from '#app/utils/markdown.server.tsx'

function rethrow(error: unknown): never {
	if (error instanceof ReviewError && (error.status === 403 || error.status === 404)) throw new Response(error.message, { status: error.status })
	throw error
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) throw new Response('This attempt does not exist.', { status: 404 })
	const review = await getAttemptForReview(user, params.attemptId).catch(rethrow)
	return buildAttemptReviewView(review, new Date(), renderMarkdown)
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!RECORD_ID_PATTERN.test(params.attemptId)) throw new Response('This attempt does not exist.', { status: 404 })
	const formData = await request.formData()
	const intent = formData.get('intent')
	try {
		if (intent === 'score') {
			const { exercise } = await getAttemptForReview(user, params.attemptId)
			const summary = parseForm(formData, ReviewSummarySchema)
			const raw = Object.fromEntries(exercise.rubric.map((criterion) => [criterion.id, formData.get(`score.${criterion.id}`)]))
			const scores = checkRubricScores(exercise.rubric, raw)
			if (!summary.ok || !scores.ok) {
				return data<ReviewActionData>(
					{ intent: 'score', ok: false, fieldErrors: { ...(summary.ok ? {} : summary.fieldErrors), ...(scores.ok ? {} : Object.fromEntries(Object.entries(scores.errors).map(([id, message]) => [`score.${id}`, [message]]))) } },
					{ status: 400 },
				)
			}
			const review = await saveReview(user, params.attemptId, { scores: scores.scores, summary: summary.data.summary, baseVersion: summary.data.baseVersion })
			return data<ReviewActionData>({ intent: 'score', ok: true, review })
		}
		if (intent === 'comment') {
			const parsed = parseForm(formData, ReviewCommentSchema)
			if (!parsed.ok) return data<ReviewActionData>({ intent: 'comment', ok: false, fieldErrors: parsed.fieldErrors }, { status: 400 })
			const comment = await addReviewComment(user, params.attemptId, parsed.data)
			return data<ReviewActionData>({ intent: 'comment', ok: true, comment })
		}
	} catch (error) {
		if (error instanceof ReviewError && error.status !== 403 && error.status !== 404) {
			return data<ReviewActionData>({ intent: intent === 'comment' ? 'comment' : 'score', ok: false, message: error.message, current: error.current ?? null }, { status: error.status })
		}
		rethrow(error)
	}
	return data<ReviewActionData>({ intent: 'score', ok: false, message: 'Unknown action.' }, { status: 400 })
}

export default function ReviewRoute({ loaderData, actionData }: Route.ComponentProps) {
	return <ReviewPage data={loaderData} actionData={actionData} />
}

export const handle = { fullWidth: true }

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData ? `Review: ${loaderData.attempt.learner.name} · ${loaderData.exercise.title} · Hardmode` : 'Review · Hardmode' }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
