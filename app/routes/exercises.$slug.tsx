import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/exercises.$slug'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { topicLabel } from '#app/exercises/topics.ts'
import { AttemptError } from '#app/models/attempt/guard.server.ts'
import { findAssignmentFor, startAttempt } from '#app/models/attempt/open.server.ts'
import { getExerciseForLearner } from '#app/models/exercise.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { isLeadOrAdmin } from '#app/utils/permissions.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.tsx'
import { raiseFlag } from '#app/models/flag.server.ts'
import { ExercisePageFormSchema } from '#app/reviews/flag-form.ts'
import { FLAG_REASON_LABELS, FLAG_REASONS } from '#app/reviews/flags.ts'
import { FieldErrors as FieldErrorList } from '#app/components/ui/field.tsx'
import { Select } from '#app/components/ui/input.tsx'
import { parseIntentForm, type FieldErrors } from '#app/utils/forms.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatFullDay } from '#app/utils/time-format.ts'
import { getExerciseDifficulty } from '#app/models/growth/exercise-difficulty.server.ts'

const SLUG = /^[a-z0-9-]{1,64}$/

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const owner = { id: user.id, organizationId: user.organizationId }
	const exercise = SLUG.test(params.slug) ? await getExerciseForLearner(getPrisma(), owner, params.slug) : null
	if (!exercise) throw new Response('There is no exercise with that name. It may have been renamed; look for it in the catalogue.', { status: 404 })
	const metadata = exercise.currentVersion.metadata as ExerciseMetadata
	const [assignment, difficulty] = await Promise.all([findAssignmentFor(owner, exercise.id), getExerciseDifficulty(exercise.id, metadata.difficulty)])
	return {
		exercise: {
			slug: exercise.slug,
			title: metadata.title,
			summary: metadata.summary,
			kind: metadata.kind,
			topics: metadata.topics.map(topicLabel),
			difficulty,
			estimatedMinutes: metadata.estimatedMinutes,
			language: metadata.language,
			version: exercise.currentVersion.number,
			// Without its "# Title" line, which the page shows as its heading.
			briefHtml: renderMarkdown(exercise.currentVersion.brief.replace(/^#\s[^\n]*\n/, '')),
		},
		canSeeAnalytics: isLeadOrAdmin(user),
		assignment: assignment
			? { dueAt: assignment.dueAt.toISOString(), hintsAllowed: assignment.hintsAllowed, pasteBlocked: assignment.pasteBlocked, hardMode: assignment.hardMode }
			: null,
		attempts: exercise.attempts.map((attempt) => ({
			...attempt,
			startedAt: attempt.startedAt.toISOString(),
			finishedAt: attempt.finishedAt?.toISOString() ?? null,
		})),
	}
}

type FlagResult = { intent: 'flag'; ok: boolean; message?: string; fieldErrors?: FieldErrors }

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!SLUG.test(params.slug)) throw new Response('There is no exercise with that name.', { status: 404 })
	const form = parseIntentForm(await request.formData(), ExercisePageFormSchema)
	if (!form.ok && !form.intent) throw new Response('Unknown action.', { status: 400 })
	if (form.intent === 'flag') {
		if (!form.ok) return data<FlagResult>({ intent: 'flag', ok: false, fieldErrors: form.fieldErrors }, { status: 400 })
		const flagged = await raiseFlag({ id: user.id, organizationId: user.organizationId }, params.slug, {
			reason: form.data.reason,
			comment: form.data.comment,
			attemptId: form.data.attemptId || null,
		})
		if (!flagged.ok) return data<FlagResult>({ intent: 'flag', ok: false, message: flagged.message }, { status: flagged.status })
		return data<FlagResult>({ intent: 'flag', ok: true, message: 'Thank you. Your leads see the report and pass it on to the exercise’s authors.' })
	}
	try {
		const attempt = await startAttempt({ id: user.id, organizationId: user.organizationId }, params.slug)
		return redirect(`/attempts/${attempt.id}`)
	} catch (error) {
		if (error instanceof AttemptError) throw new Response(error.message, { status: error.status })
		throw error
	}
}

const STATUS = {
	in_progress: { label: 'In progress', tone: 'brand' },
	solved: { label: 'Solved', tone: 'success' },
	gave_up: { label: 'Given up', tone: 'warning' },
} as const

export default function ExercisePage({ loaderData, actionData }: Route.ComponentProps) {
	const { exercise, assignment, attempts } = loaderData
	const flag = actionData
	const navigation = useNavigation()
	const open = attempts.find((attempt) => attempt.status === 'in_progress')
	return (
		<div className="space-y-6">
			<Breadcrumbs trail={[{ label: 'Exercises', to: '/exercises' }, { label: exercise.title }]} />
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div className="max-w-3xl">
					<h1 className="text-2xl font-bold tracking-tight">{exercise.title}</h1>
					<p className="mt-2 text-slate-700 dark:text-slate-300">{exercise.summary}</p>
					{loaderData.canSeeAnalytics ? (
						<p className="mt-1 text-sm">
							<Link to={`/exercises/${exercise.slug}/analytics`} className={linkClass}>
								Analytics: solve rate, time, wrong root causes
							</Link>
						</p>
					) : null}
					<div className="mt-3 flex flex-wrap gap-2">
						<Badge>{exercise.kind === 'debugging' ? 'Debugging' : 'Architecture'}</Badge>
						{exercise.topics.map((topic) => (
							<Badge key={topic} tone="brand">
								{topic}
							</Badge>
						))}
						<Badge>
							Difficulty {exercise.difficulty.value}, {exercise.difficulty.sourceText}
						</Badge>
						<Badge>≈ {exercise.estimatedMinutes} min</Badge>
						<Badge>{exercise.language === 'typescript' ? 'TypeScript' : 'JavaScript'}</Badge>
					</div>
				</div>
				<Form method="post">
					<input type="hidden" name="intent" value="start" />
					<Button type="submit" disabled={navigation.state !== 'idle'}>
						{navigation.state !== 'idle' ? 'Opening…' : open ? 'Resume attempt' : attempts.length ? 'Start a new attempt' : 'Start attempt'}
					</Button>
				</Form>
			</div>
			{assignment ? (
				<FormAlert
					tone="success"
					message={`Assigned to you, due ${formatFullDay(assignment.dueAt)}. Rules: ${[
						assignment.hintsAllowed ? 'hints allowed' : 'no hints',
						assignment.pasteBlocked ? 'pasting from outside the editor is blocked' : 'pastes allowed (and recorded)',
						assignment.hardMode ? 'hard-mode editor (no suggestions or hovers)' : 'standard editor',
					].join(', ')}.`}
				/>
			) : null}
			<div className="grid gap-6 lg:grid-cols-3">
				<Card className="lg:col-span-2">
					<CardHeader title="The brief" description="What the people affected saw. The workspace shows it again beside the code." />
					<div className="prose-brief" dangerouslySetInnerHTML={{ __html: exercise.briefHtml }} />
				</Card>
				<div className="space-y-6">
					<Card>
						<CardHeader title="How it works" />
						{exercise.kind === 'architecture' ? (
							<ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
								<li>
									Read the scenario and the code; write a decision record: context, at least two options with pros and cons, the decision, the consequences you
									expect.
								</li>
								<li>Implement the design. Run plays the launch scenarios in virtual time and measures them against their thresholds.</li>
								<li>Submit stage 1: every launch scenario grades it, and stage 2 — six months later — opens.</li>
								<li>Live with your design: adapt it to what happened, add a follow-up to the record, and submit stage 2.</li>
							</ol>
						) : (
							<ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
								<li>Read the brief and the code; write down what you observe.</li>
								<li>Record hypotheses, predict what a run will show, then run the tests.</li>
								<li>Hints unlock only after real effort, and using one counts against independence.</li>
								<li>Submit the root cause (lines, category, explanation) and your fix; hidden tests grade it.</li>
							</ol>
						)}
						<p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
							No AI assistance is offered. Pastes from outside the editor and time away from the window are recorded and shown to you and your lead.
						</p>
					</Card>
					<Card>
						<CardHeader title="Your attempts" />
						{attempts.length === 0 ? (
							<p className="text-sm text-slate-700 dark:text-slate-300">None yet. Your first attempt starts the clock when you press Start.</p>
						) : (
							<ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
								{attempts.map((attempt) => (
									<li key={attempt.id} className="flex items-center justify-between gap-3 py-2">
										<div>
											<Link to={`/attempts/${attempt.id}`} className={cn('font-medium', linkClass)}>
												Started {formatFullDay(attempt.startedAt)}
											</Link>
											<p className="text-xs text-slate-600 dark:text-slate-400">
												{attempt.runCount} {attempt.runCount === 1 ? 'run' : 'runs'} · {attempt.submissionCount}{' '}
												{attempt.submissionCount === 1 ? 'submission' : 'submissions'}
												{attempt.exerciseVersion.number !== exercise.version ? ` · version ${attempt.exerciseVersion.number}` : ''}
											</p>
										</div>
										<Badge tone={STATUS[attempt.status].tone}>{STATUS[attempt.status].label}</Badge>
									</li>
								))}
							</ul>
						)}
					</Card>
					<Card id="flag">
						<CardHeader
							title="Something wrong with this exercise?"
							description="Tell your leads if it is broken, ambiguous or too easy. It does not affect your attempt."
						/>
						{flag?.ok ? (
							<FormAlert tone="success" message={flag.message} />
						) : (
							<Form method="post" className="space-y-3" noValidate>
								<input type="hidden" name="intent" value="flag" />
								<input type="hidden" name="attemptId" value={attempts[0]?.id ?? ''} />
								{flag?.message ? <FormAlert message={flag.message} /> : null}
								<div className="space-y-1.5">
									<label htmlFor="flag-reason" className="block text-sm font-medium">
										What is wrong
									</label>
									<Select
										id="flag-reason"
										name="reason"
										defaultValue=""
										aria-invalid={flag?.fieldErrors?.reason ? true : undefined}
										aria-describedby={flag?.fieldErrors?.reason ? 'flag-reason-error' : undefined}
									>
										<option value="" disabled>
											Choose one
										</option>
										{FLAG_REASONS.map((reason) => (
											<option key={reason} value={reason}>
												{FLAG_REASON_LABELS[reason]}
											</option>
										))}
									</Select>
									<FieldErrorList id="flag-reason-error" errors={flag?.fieldErrors?.reason} />
								</div>
								<div className="space-y-1.5">
									<label htmlFor="flag-comment" className="block text-sm font-medium">
										What you saw
									</label>
									<textarea
										id="flag-comment"
										name="comment"
										rows={3}
										maxLength={2100}
										aria-invalid={flag?.fieldErrors?.comment ? true : undefined}
										aria-describedby={flag?.fieldErrors?.comment ? 'flag-comment-error' : undefined}
										className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-900 dark:ring-slate-600"
									/>
									<FieldErrorList id="flag-comment-error" errors={flag?.fieldErrors?.comment} />
								</div>
								<Button type="submit" variant="secondary" disabled={navigation.state !== 'idle'}>
									Send the report
								</Button>
							</Form>
						)}
					</Card>
					<Link to="/exercises" className={buttonClass('secondary', 'w-full')}>
						Back to the catalogue
					</Link>
				</div>
			</div>
		</div>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: loaderData ? `${loaderData.exercise.title} · Hardmode` : 'Exercise not found · Hardmode' },
]
