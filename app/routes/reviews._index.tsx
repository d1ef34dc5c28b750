import { data, Form, Link } from 'react-router'
import type { Route } from './+types/reviews._index'
import { QueueFilters } from '#app/components/review/queue-filters.tsx'
import { InProgressTable, ReviewedTable, WaitingTable } from '#app/components/review/queue-table.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FormAlert } from '#app/components/ui/field.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { listOpenFlags, resolveFlag } from '#app/models/flag.server.ts'
import { listAttemptsInProgress, listFilteredReviewQueue } from '#app/models/review-queue.server.ts'
import { getSavedReviewNotice, listRecentlyReviewed, type SavedReviewNotice } from '#app/models/review.server.ts'
import { ResolveFlagSchema } from '#app/reviews/flag-form.ts'
import { FLAG_REASON_LABELS } from '#app/reviews/flags.ts'
// Server only (the loader): the query's zod schema never reaches the browser.
import { parseQueueQuery } from '#app/reviews/queue-filter.ts'
import { isQueueFiltered, queueSearch } from '#app/reviews/queue-query.ts'
import { personLink, toQueueRow, type MayOpenProfile, type ReviewedRowView } from '#app/reviews/queue-view.ts'
import { requireReviewer } from '#app/utils/auth.server.ts'
import { parseForm, RECORD_ID_PATTERN } from '#app/utils/forms.ts'
import { mayViewGrowth } from '#app/utils/permissions.server.ts'
import { formatTimeAgo } from '#app/utils/time-format.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireReviewer(request)
	const params = new URL(request.url).searchParams
	const now = new Date()
	const savedId = params.get('saved')
	const [queue, inProgress, recent, flags, saved] = await Promise.all([
		listFilteredReviewQueue(user, parseQueueQuery(params), now),
		listAttemptsInProgress(user),
		listRecentlyReviewed(user),
		listOpenFlags(user.organizationId),
		savedId && RECORD_ID_PATTERN.test(savedId) ? getSavedReviewNotice(user, savedId) : null,
	])
	const mayOpenProfile: MayOpenProfile = (person) => mayViewGrowth(user, person)
	return {
		now: now.toISOString(),
		query: queue.query,
		ignoredTeam: queue.ignoredTeam,
		matching: queue.matching,
		waiting: queue.waiting,
		choices: queue.choices,
		queue: queue.rows.map((attempt) => toQueueRow(attempt, mayOpenProfile)),
		saved,
		inProgress: inProgress.map((attempt) => ({
			id: attempt.id,
			learner: personLink(attempt.user, mayOpenProfile),
			exercise: attempt.exercise.title,
			assignedTo: attempt.assignment?.team.name ?? null,
			startedAt: attempt.startedAt.toISOString(),
			lastActiveAt: attempt.lastActiveAt.toISOString(),
			runs: attempt.runCount,
		})),
		recent: recent.map((review): ReviewedRowView => ({
			...toQueueRow(review.attempt, mayOpenProfile),
			percent: review.percent,
			reviewer: review.reviewer ? personLink(review.reviewer, mayOpenProfile) : null,
			reviewedAt: review.updatedAt.toISOString(),
		})),
		flags: flags.map((flag) => ({
			id: flag.id,
			reason: flag.reason,
			comment: flag.comment,
			createdAt: flag.createdAt.toISOString(),
			raisedBy: flag.raisedBy?.name ?? 'A former member',
			exercise: flag.exercise,
		})),
	}
}

/** Marking a flag as handled: what happened, or why nothing did. */
type FlagResolution = { message?: string; error?: string }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireReviewer(request)
	const form = parseForm(await request.formData(), ResolveFlagSchema)
	if (!form.ok) return data<FlagResolution>({ error: 'Choose a flag to mark as handled.' }, { status: 400 })
	const resolved = await resolveFlag({ organizationId: user.organizationId, flagId: form.data.flagId, actorId: user.id })
	if (resolved === 'missing') return data<FlagResolution>({ error: 'There is no such flag. Reload the page to see the open ones.' }, { status: 404 })
	return data<FlagResolution>({ message: resolved === 'resolved' ? 'Flag marked as handled.' : 'Someone had already marked that flag as handled.' })
}

export default function ReviewsPage({ loaderData, actionData }: Route.ComponentProps) {
	const { queue, inProgress, recent, flags, query, matching, waiting, choices, saved } = loaderData
	const now = new Date(loaderData.now)
	const result = actionData
	const filtered = isQueueFiltered(query)
	const search = queueSearch(query)
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Reviews</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					Finished attempts of your teams, waiting longest first. Replay each one, then score it with the exercise’s rubric.
				</p>
			</div>
			{saved ? <SavedNotice saved={saved} matching={matching} waiting={waiting} filtered={filtered} /> : null}
			{result?.message ? <FormAlert tone="success" message={result.message} /> : null}
			{result?.error ? <FormAlert message={result.error} /> : null}
			<Card aria-labelledby="queue-heading">
				<div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
					<h2 id="queue-heading" className="text-base font-semibold text-slate-900 dark:text-slate-100">
						Waiting for review ({filtered ? `${matching} of ${waiting}` : waiting})
					</h2>
				</div>
				{waiting > 0 || filtered ? <QueueFilters query={query} choices={choices} matching={matching} waiting={waiting} /> : null}
				{loaderData.ignoredTeam ? (
					<p className="mt-3 text-sm text-slate-700 dark:text-slate-300">The link named a team whose attempts you do not review, so every team is shown.</p>
				) : null}
				<div className="mt-4">
					{queue.length > 0 ? (
						<>
							<WaitingTable rows={queue} now={now} search={search} />
							{matching > queue.length ? (
								<p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
									Showing the first {queue.length} of {matching}. Narrow the queue with the filters to see the others.
								</p>
							) : null}
						</>
					) : filtered ? (
						<div className="rounded-md border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
							<p className="font-medium">No waiting attempt matches these filters</p>
							<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
								{waiting === 0
									? 'Nothing is waiting for review at all.'
									: `${waiting} ${waiting === 1 ? 'attempt waits' : 'attempts wait'} outside them. Set a filter back to “Any”, or clear them all.`}
							</p>
							<Link to="/reviews" className={buttonClass('secondary', 'mt-4')}>
								Clear filters
							</Link>
						</div>
					) : (
						<p className="text-sm text-slate-700 dark:text-slate-300">
							Nothing is waiting. Attempts appear here as soon as someone in your teams solves an exercise or gives up.
						</p>
					)}
				</div>
			</Card>
			<Card>
				<CardHeader
					title={`In progress (${inProgress.length})`}
					description="What your people are working on now. Open one to watch it so far, read-only; it joins the queue once they solve it or give up."
				/>
				{inProgress.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">Nobody in your teams is working on an exercise right now.</p>
				) : (
					<InProgressTable rows={inProgress} now={now} />
				)}
			</Card>
			<Card>
				<CardHeader
					title="Open exercise flags"
					description="Learners’ reports that an exercise is broken, ambiguous or too easy. Pass them on to the exercise’s authors, then mark them handled."
				/>
				{flags.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">No open flags.</p>
				) : (
					<ul className="divide-y divide-slate-200 dark:divide-slate-800">
						{flags.map((flag) => (
							<li key={flag.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
								<div className="max-w-3xl min-w-0">
									<p className="flex flex-wrap items-center gap-2 text-sm">
										<Badge tone={flag.reason === 'broken' ? 'danger' : 'warning'}>{FLAG_REASON_LABELS[flag.reason]}</Badge>
										<Link to={`/exercises/${flag.exercise.slug}`} className={cn('font-medium', linkClass)}>
											{flag.exercise.title}
										</Link>
										<span className="text-slate-600 dark:text-slate-400">
											{flag.raisedBy} · {formatTimeAgo(new Date(flag.createdAt), now)}
										</span>
										<Link to={`/exercises/${flag.exercise.slug}/analytics`} className={linkClass} aria-label={`Analytics of ${flag.exercise.title}`}>
											Analytics
										</Link>
									</p>
									<p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800 dark:text-slate-200">{flag.comment}</p>
								</div>
								<Form method="post">
									<input type="hidden" name="flagId" value={flag.id} />
									<Button type="submit" variant="secondary" name="intent" value="resolve-flag" className="px-2 py-1 text-xs">
										Mark handled<span className="sr-only">: the flag on {flag.exercise.title}</span>
									</Button>
								</Form>
							</li>
						))}
					</ul>
				)}
			</Card>
			<Card>
				<CardHeader title="Recently reviewed" />
				{recent.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No reviews yet.</p> : <ReviewedTable rows={recent} now={now} />}
			</Card>
		</div>
	)
}

/** After "Save and open the next" found nothing more to open. */
function SavedNotice({ saved, matching, waiting, filtered }: { saved: SavedReviewNotice; matching: number; waiting: number; filtered: boolean }) {
	const what = `Review saved: ${saved.learnerName} · ${saved.exerciseTitle}, ${saved.percent}%.`
	return (
		<div
			role="status"
			className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
		>
			<p className="font-medium">{what}</p>
			{matching === 0 ? (
				<p className="mt-1">
					{waiting === 0 ? (
						'The queue is empty: nothing else is waiting for review.'
					) : filtered ? (
						<>
							The queue is empty for these filters; {waiting} {waiting === 1 ? 'attempt waits' : 'attempts wait'} outside them.{' '}
							<Link to="/reviews" className="font-medium underline underline-offset-2">
								Clear filters
							</Link>
						</>
					) : null}
				</p>
			) : null}
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Reviews · Hardmode' }]
