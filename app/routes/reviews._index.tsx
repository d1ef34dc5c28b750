import { data, Form, Link } from 'react-router'
import type { Route } from './+types/reviews._index'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { listOpenFlags, resolveFlag } from '#app/models/flag.server.ts'
import { ResolveFlagSchema } from '#app/reviews/flag-form.ts'
import { FLAG_REASON_LABELS } from '#app/reviews/flags.ts'
import { listRecentlyReviewed, listReviewQueue } from '#app/models/review.server.ts'
import { ATTEMPT_STATUS_LABELS, ATTEMPT_STATUS_TONES, attemptIndependence, plural, timeSpentMs } from '#app/practice/attempt-summary.ts'
import { requireReviewer } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDay, formatDuration, formatTimeAgo } from '#app/utils/time-format.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireReviewer(request)
	const [queue, recent, flags] = await Promise.all([listReviewQueue(user), listRecentlyReviewed(user), listOpenFlags(user.organizationId)])
	const row = (attempt: (typeof queue)[number]) => ({
		id: attempt.id,
		learner: attempt.user.name,
		exercise: attempt.exercise,
		status: attempt.status,
		finishedAt: (attempt.finishedAt ?? attempt.startedAt).toISOString(),
		timeSpentMs: timeSpentMs({ startedAt: attempt.startedAt, finishedAt: attempt.finishedAt, lastActiveAt: attempt.finishedAt ?? attempt.startedAt }),
		runs: attempt.runCount,
		failedFixes: attempt.failedFixCount,
		independence: attemptIndependence({
			status: attempt.status,
			hintsRevealed: attempt.hintsRevealed,
			outsidePastes: attempt.outsidePastes,
			lastSubmissionAttested: attempt.submissions[0]?.attested ?? null,
		}),
		assignment: attempt.assignment ? { team: attempt.assignment.team.name, dueAt: attempt.assignment.dueAt.toISOString() } : null,
	})
	return {
		now: new Date().toISOString(),
		queue: queue.map(row),
		recent: recent.map((review) => ({
			...row(review.attempt),
			percent: review.percent,
			reviewer: review.reviewer?.name ?? 'A former lead',
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
	const { queue, recent, flags } = loaderData
	const now = new Date(loaderData.now)
	const result = actionData
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Reviews</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					Finished attempts of your teams, oldest first. Replay each one, then score it with the exercise’s rubric.
				</p>
			</div>
			{result?.message ? <FormAlert tone="success" message={result.message} /> : null}
			{result?.error ? <FormAlert message={result.error} /> : null}
			<Card>
				<CardHeader title={`Waiting for review (${queue.length})`} />
				{queue.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">
						Nothing is waiting. Attempts appear here as soon as someone in your teams solves an exercise or gives up.
					</p>
				) : (
					<AttemptTable rows={queue} now={now} caption="Attempts waiting for review" />
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
								<div className="min-w-0 max-w-3xl">
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
									<Button
										type="submit"
										variant="secondary"
										name="intent"
										value="resolve-flag"
										className="px-2 py-1 text-xs"
										aria-label={`Mark the flag on ${flag.exercise.title} as handled`}
									>
										Mark handled
									</Button>
								</Form>
							</li>
						))}
					</ul>
				)}
			</Card>
			<Card>
				<CardHeader title="Recently reviewed" />
				{recent.length === 0 ? (
					<p className="text-sm text-slate-700 dark:text-slate-300">No reviews yet.</p>
				) : (
					<AttemptTable rows={recent} now={now} caption="Recently reviewed attempts" />
				)}
			</Card>
		</div>
	)
}

type Row = {
	id: string
	learner: string
	exercise: { title: string }
	status: 'in_progress' | 'solved' | 'gave_up'
	finishedAt: string
	timeSpentMs: number
	runs: number
	failedFixes: number
	independence: { independent: boolean; label: string }
	assignment: { team: string; dueAt: string } | null
	percent?: number
	reviewer?: string
}

function AttemptTable({ rows, now, caption }: { rows: Row[]; now: Date; caption: string }) {
	return (
		<Table caption={caption}>
			<thead>
				<tr>
					<Th>Engineer</Th>
					<Th>Exercise</Th>
					<Th>Outcome</Th>
					<Th>Finished</Th>
					<Th>Work</Th>
					<Th>{rows[0]?.percent !== undefined ? 'Score' : 'Independence'}</Th>
					<Th>
						<span className="sr-only">Actions</span>
					</Th>
				</tr>
			</thead>
			<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
				{rows.map((row) => (
					<tr key={row.id}>
						<Td className="font-medium">{row.learner}</Td>
						<Td>
							{row.exercise.title}
							<span className="block text-xs text-slate-600 dark:text-slate-400">
								{row.assignment ? `Assigned to ${row.assignment.team}, due ${formatDay(new Date(row.assignment.dueAt), now)}` : 'Self-chosen'}
							</span>
						</Td>
						<Td>
							<Badge tone={ATTEMPT_STATUS_TONES[row.status]}>{ATTEMPT_STATUS_LABELS[row.status]}</Badge>
						</Td>
						<Td className="whitespace-nowrap">{formatTimeAgo(new Date(row.finishedAt), now)}</Td>
						<Td className="text-xs whitespace-nowrap">
							{formatDuration(row.timeSpentMs)} · {plural(row.runs, 'run')}
							{row.failedFixes ? ` · ${row.failedFixes} failed ${row.failedFixes === 1 ? 'fix' : 'fixes'}` : ''}
						</Td>
						<Td>
							{row.percent !== undefined ? (
								<span className="tabular-nums">
									{row.percent}% <span className="text-xs text-slate-600 dark:text-slate-400">by {row.reviewer}</span>
								</span>
							) : (
								<Badge tone={row.independence.independent ? 'success' : 'neutral'}>{row.independence.label}</Badge>
							)}
						</Td>
						<Td className="text-right">
							<Link
								to={`/reviews/${row.id}`}
								className={cn('font-medium', linkClass)}
								aria-label={`${row.percent !== undefined ? 'Open the review of' : 'Review'} ${row.learner}’s attempt at ${row.exercise.title}`}
							>
								{row.percent !== undefined ? 'Open' : 'Review'}
							</Link>
						</Td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Reviews · Hardmode' }]
