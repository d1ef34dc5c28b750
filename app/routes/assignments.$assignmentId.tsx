import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/assignments.$assignmentId'
import { assignmentPageSchema } from '#app/assignments/assignment-form.ts'
import { ASSIGNMENT_GRACE_DAYS, graceEndsAt } from '#app/assignments/closure.ts'
import { countProgress } from '#app/assignments/progress.ts'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ConfirmAction } from '#app/components/confirm-action.tsx'
import { ProgressBadge, ProgressBar, RuleBadges } from '#app/components/progress-badge.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { Input } from '#app/components/ui/input.tsx'
import { Table, Td, Th } from '#app/components/ui/table.tsx'
import { AssignmentError, cancelAssignment, closeAssignment, getAssignmentForLead, updateAssignment } from '#app/models/assignment.server.ts'
import { ATTEMPT_STATUS_LABELS } from '#app/practice/attempt-summary.ts'
import { requireAssignmentLead } from '#app/utils/auth.server.ts'
import { parseIntentForm, type FieldErrors as FormFieldErrors } from '#app/utils/forms.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { formatDay, formatRelativeDay } from '#app/utils/time-format.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user } = await requireAssignmentLead(request, params.assignmentId)
	const now = new Date()
	const assignment = await getAssignmentForLead(user.organizationId, params.assignmentId, now)
	if (!assignment) throw new Response('Assignment not found', { status: 404 })
	return {
		now: now.toISOString(),
		today: now.toISOString().slice(0, 10),
		assignment: {
			id: assignment.id,
			team: assignment.team,
			exercise: assignment.exercise,
			createdBy: assignment.createdBy?.name ?? null,
			createdAt: assignment.createdAt.toISOString(),
			dueAt: assignment.dueAt.toISOString(),
			cancelledAt: assignment.cancelledAt?.toISOString() ?? null,
			closure: assignment.closure
				? {
						at: assignment.closure.at.toISOString(),
						by: assignment.closure.by,
						lead: assignment.closure.by === 'lead' ? (assignment.closedBy?.name ?? null) : null,
					}
				: null,
			wholeTeam: assignment.wholeTeam,
			rules: { hintsAllowed: assignment.hintsAllowed, pasteBlocked: assignment.pasteBlocked, hardMode: assignment.hardMode },
			counts: countProgress(assignment.standings),
			standings: assignment.standings,
		},
	}
}

type ActionResult = { intent: string; fieldErrors?: FormFieldErrors; message?: string; error?: string }

export async function action({ request, params }: Route.ActionArgs) {
	const { user, assignment } = await requireAssignmentLead(request, params.assignmentId)
	const form = parseIntentForm(await request.formData(), assignmentPageSchema(new Date()))
	if (!form.ok) {
		if (form.intent) return data<ActionResult>({ intent: form.intent, fieldErrors: form.fieldErrors }, { status: 400 })
		return data<ActionResult>({ intent: 'unknown', error: 'Unknown action.' }, { status: 400 })
	}
	const { intent } = form
	if (form.intent === 'update') {
		const { dueDate, hintsAllowed, pasteBlocked, hardMode } = form.data
		try {
			await updateAssignment({
				organizationId: user.organizationId,
				assignmentId: assignment.id,
				actorId: user.id,
				dueAt: dueDate,
				rules: { hintsAllowed, pasteBlocked, hardMode },
			})
		} catch (error) {
			if (error instanceof AssignmentError) return data<ActionResult>({ intent, error: error.message }, { status: error.status })
			throw error
		}
		return data<ActionResult>({ intent, message: 'Saved. Attempts already started keep the rules they started under.' })
	}
	if (form.intent === 'close') {
		const closed = await closeAssignment({ organizationId: user.organizationId, assignmentId: assignment.id, actorId: user.id })
		return closed
			? data<ActionResult>({
					intent,
					message: 'Assignment closed. It has left the learners’ dashboards and is listed under Closed; every attempt still counts in growth.',
				})
			: data<ActionResult>({ intent, error: 'This assignment is already closed or cancelled.' }, { status: 409 })
	}
	const cancelled = await cancelAssignment({ organizationId: user.organizationId, assignmentId: assignment.id, actorId: user.id })
	return cancelled
		? data<ActionResult>({ intent, message: 'Assignment cancelled. Learners no longer see it; every attempt made for it is kept.' })
		: data<ActionResult>({ intent, error: 'This assignment was already cancelled.' }, { status: 409 })
}

export default function AssignmentPage({ loaderData, actionData }: Route.ComponentProps) {
	const { assignment, today } = loaderData
	const now = new Date(loaderData.now)
	const result = actionData
	const busy = useNavigation().state === 'submitting'
	const dueAt = new Date(assignment.dueAt)
	const cancelled = Boolean(assignment.cancelledAt)
	const closure = cancelled ? null : assignment.closure
	return (
		<div className="space-y-6">
			<Breadcrumbs
				trail={[
					{ label: assignment.team.name, to: `/teams/${assignment.team.id}` },
					{ label: 'Assignments', to: `/teams/${assignment.team.id}/assignments` },
					{ label: assignment.exercise.title },
				]}
			/>
			<div>
				<h1 className="text-2xl font-bold tracking-tight">{assignment.exercise.title}</h1>
				<p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700 dark:text-slate-300">
					<span>
						{assignment.wholeTeam ? `Whole team (${assignment.team.name})` : `${assignment.standings.length} chosen members`} · due {formatDay(dueAt, now)} (
						{formatRelativeDay(dueAt, now)})
					</span>
					{cancelled ? <Badge tone="danger">Cancelled</Badge> : null}
					{closure ? <Badge>Closed</Badge> : null}
					<RuleBadges rules={assignment.rules} />
				</p>
				<p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
					Assigned {formatDay(new Date(assignment.createdAt), now)}
					{assignment.createdBy ? ` by ${assignment.createdBy}` : ''}.{' '}
					<Link to={`/exercises/${assignment.exercise.slug}`} className="underline underline-offset-2">
						Open the exercise
					</Link>
				</p>
				{closure ? (
					<p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
						Closed {formatDay(new Date(closure.at), now)}{' '}
						{closure.by === 'lead' ? `by ${closure.lead ?? 'a former lead'}` : `automatically, ${ASSIGNMENT_GRACE_DAYS} days after it was due`}. The progress
						below is as it stood then.
					</p>
				) : null}
			</div>
			{result?.message ? <FormAlert tone="success" message={result.message} /> : null}
			{result?.error ? <FormAlert message={result.error} /> : null}
			<div className="grid gap-6 lg:grid-cols-3">
				<Card className="lg:col-span-2">
					<CardHeader title="Progress" description={<ProgressBar counts={assignment.counts} total={assignment.standings.length} />} />
					{assignment.standings.length === 0 ? (
						<p className="text-sm text-slate-700 dark:text-slate-300">
							Nobody is in this assignment’s audience yet. Learners who join {assignment.team.name} will get it.
						</p>
					) : (
						<Table caption="Progress of each member">
							<thead>
								<tr>
									<Th>Member</Th>
									<Th>Progress</Th>
									<Th>Outcome</Th>
									<Th>
										<span className="sr-only">Actions</span>
									</Th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200 dark:divide-slate-800">
								{assignment.standings.map((standing) => (
									<tr key={standing.person.id}>
										<Td className="font-medium">
											{/* The assignment's leads (and admins) may open every member's profile. */}
											<Link to={`/people/${standing.person.id}`} className={linkClass}>
												{standing.person.name}
											</Link>
										</Td>
										<Td>
											<ProgressBadge progress={standing.progress} />
										</Td>
										<Td>
											{standing.outcome && standing.outcome !== 'in_progress' ? (
												ATTEMPT_STATUS_LABELS[standing.outcome]
											) : (
												<span className="text-slate-500 dark:text-slate-400">—</span>
											)}
										</Td>
										<Td className="text-right">
											{standing.progress === 'submitted' || standing.progress === 'reviewed' ? (
												<Link
													to={`/reviews/${standing.attemptId}`}
													className={linkClass}
													aria-label={`${standing.progress === 'submitted' ? 'Review' : 'See the review of'} ${standing.person.name}’s attempt`}
												>
													{standing.progress === 'submitted' ? 'Review' : 'See review'}
												</Link>
											) : null}
										</Td>
									</tr>
								))}
							</tbody>
						</Table>
					)}
				</Card>
				<Card>
					<CardHeader
						title={closure ? 'Reopen' : 'Change'}
						description={
							cancelled
								? 'A cancelled assignment cannot be changed.'
								: closure
									? 'Give it a new due date to put it back on the learners’ dashboards. New rules apply to attempts started from now on.'
									: `New rules apply to attempts started from now on. Unless you close it first, it closes by itself ${ASSIGNMENT_GRACE_DAYS} days after it is due (${formatDay(graceEndsAt(dueAt), now)}).`
						}
					/>
					{cancelled ? null : (
						<>
							<Form method="post" className="space-y-4" noValidate>
								<input type="hidden" name="intent" value="update" />
								<div className="space-y-1.5">
									<label htmlFor="dueDate" className="block text-sm font-medium">
										Due
									</label>
									<Input
										id="dueDate"
										name="dueDate"
										type="date"
										min={today}
										defaultValue={closure ? today : assignment.dueAt.slice(0, 10)}
										aria-invalid={result?.fieldErrors?.dueDate ? true : undefined}
										aria-describedby={result?.fieldErrors?.dueDate ? 'dueDate-error' : undefined}
									/>
									<FieldErrors id="dueDate-error" errors={result?.fieldErrors?.dueDate} />
								</div>
								<fieldset className="space-y-2 text-sm">
									<legend className="font-medium">Rules</legend>
									<label className="flex items-center gap-2">
										<input type="checkbox" name="hintsAllowed" defaultChecked={assignment.rules.hintsAllowed} className="size-4 accent-brand-600" /> Hints
										allowed
									</label>
									<label className="flex items-center gap-2">
										<input type="checkbox" name="pasteBlocked" defaultChecked={assignment.rules.pasteBlocked} className="size-4 accent-brand-600" /> Block
										outside pastes
									</label>
									<label className="flex items-center gap-2">
										<input type="checkbox" name="hardMode" defaultChecked={assignment.rules.hardMode} className="size-4 accent-brand-600" /> Hard-mode editor
									</label>
								</fieldset>
								<Button type="submit" variant="secondary" disabled={busy}>
									{closure ? 'Reopen' : 'Save changes'}
								</Button>
							</Form>
							<div className="mt-5 flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
								{closure ? null : (
									<ConfirmAction
										label="Close assignment"
										title="Close this assignment?"
										message="It leaves the learners’ dashboards and moves to the Closed list with the progress it has now. Attempts already made, and any still in progress, keep counting in growth. You can reopen it later with a new due date."
										confirmLabel="Close assignment"
										intent="close"
										fields={{}}
									/>
								)}
								<ConfirmAction
									label="Cancel assignment"
									title="Cancel this assignment?"
									message="Learners will no longer see it on their dashboard. Every attempt already made for it, and its reviews, are kept."
									confirmLabel="Cancel assignment"
									intent="cancel"
									fields={{}}
								/>
							</div>
						</>
					)}
				</Card>
			</div>
		</div>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.assignment.exercise.title ?? 'Assignment'} · Assignment · Hardmode` }]

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
