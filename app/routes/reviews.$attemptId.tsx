import { data, redirect } from 'react-router'
import type { Route } from './+types/reviews.$attemptId'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ReviewPage } from '#app/components/review/review-page.tsx'
import { countOthersInQueue, findNextInQueue } from '#app/models/review-queue.server.ts'
import { addReviewComment, getAttemptForReview, getSavedReviewNotice, ReviewError, saveReview } from '#app/models/review.server.ts'
import { parseQueueQuery, queueSearch } from '#app/reviews/queue-filter.ts'
import { buildAttemptReviewView, type ReviewActionData } from '#app/reviews/review-view.ts'
import { checkRubricScores } from '#app/reviews/rubric.ts'
import { ReviewFormSchema } from '#app/reviews/review-form.ts'
import { requireReviewableAttempt } from '#app/utils/auth.server.ts'
import { parseIntentForm, RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { renderMarkdown } from '#app/utils/markdown.server.tsx'
import { mayViewGrowth } from '#app/utils/permissions.server.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, attempt } = await requireReviewableAttempt(request, params.attemptId)
	const search = new URL(request.url).searchParams
	// The queue's filters travel with the page, so "Save and open the next" and the way back keep them.
	const query = parseQueueQuery(search)
	const now = new Date()
	const savedId = search.get('saved')
	const [review, others, saved] = await Promise.all([
		getAttemptForReview(attempt),
		countOthersInQueue(user, query, now, attempt.id),
		savedId && RECORD_ID_PATTERN.test(savedId) && savedId !== attempt.id ? getSavedReviewNotice(user, savedId) : null,
	])
	return buildAttemptReviewView(review, {
		now,
		renderMarkdown,
		learnerProfile: mayViewGrowth(user, review.attempt.learner),
		queue: { search: queueSearch(query), others },
		saved,
	})
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, attempt } = await requireReviewableAttempt(request, params.attemptId)
	const formData = await request.formData()
	const form = parseIntentForm(formData, ReviewFormSchema)
	try {
		if (form.intent === 'score') {
			const raw = Object.fromEntries(attempt.rubric.map((criterion) => [criterion.id, formData.get(`score.${criterion.id}`)]))
			const scores = checkRubricScores(attempt.rubric, raw)
			if (!form.ok || !scores.ok) {
				return data<ReviewActionData>(
					{
						intent: 'score',
						ok: false,
						fieldErrors: {
							...(form.ok ? {} : form.fieldErrors),
							...(scores.ok ? {} : Object.fromEntries(Object.entries(scores.errors).map(([id, message]) => [`score.${id}`, [message]]))),
						},
					},
					{ status: 400 },
				)
			}
			const review = await saveReview(user, attempt, { scores: scores.scores, summary: form.data.summary, baseVersion: form.data.baseVersion })
			if (form.data.then === 'next') {
				const query = parseQueueQuery(new URLSearchParams(form.data.queue ?? ''))
				const next = await findNextInQueue(user, query, new Date(), attempt)
				return redirect(next ? `/reviews/${next}${queueSearch(query, { saved: attempt.id })}` : `/reviews${queueSearch(query, { saved: attempt.id })}`)
			}
			return data<ReviewActionData>({ intent: 'score', ok: true, review })
		}
		if (form.intent === 'comment') {
			if (!form.ok) return data<ReviewActionData>({ intent: 'comment', ok: false, fieldErrors: form.fieldErrors }, { status: 400 })
			const { offsetMs, file, line, body } = form.data
			const comment = await addReviewComment(user, attempt, { offsetMs, file, line, body })
			return data<ReviewActionData>({ intent: 'comment', ok: true, comment })
		}
	} catch (error) {
		if (error instanceof ReviewError) {
			return data<ReviewActionData>(
				{ intent: form.intent === 'comment' ? 'comment' : 'score', ok: false, message: error.message, current: error.current ?? null },
				{ status: error.status },
			)
		}
		throw error
	}
	return data<ReviewActionData>({ intent: 'score', ok: false, message: 'Unknown action.' }, { status: 400 })
}

export default function ReviewRoute({ loaderData, actionData }: Route.ComponentProps) {
	// Keyed by the attempt: "Save and open the next" moves between attempts without a reload, and
	// the replay's clock, open file and selected line belong to one attempt.
	return <ReviewPage key={loaderData.attempt.id} data={loaderData} actionData={actionData} />
}

export const handle = { fullWidth: true }

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{
		title: loaderData
			? `${loaderData.readOnly ? 'In progress' : 'Review'}: ${loaderData.attempt.learner.name} · ${loaderData.exercise.title} · Hardmode`
			: 'Review · Hardmode',
	},
]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
