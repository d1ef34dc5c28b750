import { useEffect, useRef, useState } from 'react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/teams.$teamId.assignments.new'
import { assignmentFormValues, newAssignmentSchema } from '#app/assignments/assignment-form.ts'
import { allConfirmed, duplicateKey, type Duplicate } from '#app/assignments/duplicates.ts'
import { exerciseSets } from '#app/assignments/exercise-sets.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card, CardHeader } from '#app/components/ui/card.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { Input, Select } from '#app/components/ui/input.tsx'
import { topicLabel } from '#app/exercises/topics.ts'
import { AssignmentError, createAssignments, findOpenDuplicates, listAssignableExercises } from '#app/models/assignment.server.ts'
import { getTeamMembers } from '#app/models/team.server.ts'
import { difficultyBand, KIND_LABELS } from '#app/practice/catalogue-labels.ts'
import { requireTeamLead } from '#app/utils/auth.server.ts'
import { fieldErrorsOf, type FieldErrors as FormFieldErrors } from '#app/utils/forms.ts'
import { Breadcrumbs } from '#app/components/ui/breadcrumbs.tsx'
import { formatDay } from '#app/utils/time-format.ts'
import { formatDifficulty } from '#app/growth/rating-display.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const [exercises, members] = await Promise.all([listAssignableExercises(), getTeamMembers(user.organizationId, team.id)])
	const now = new Date()
	return {
		team,
		exercises: exercises.map(({ id: _id, ...exercise }) => exercise),
		sets: exerciseSets(exercises),
		members: members.map((member) => ({ id: member.user.id, name: member.user.name, role: member.role })),
		today: now.toISOString().slice(0, 10),
		// A week is the usual rhythm for practice; the lead changes it as they like.
		defaultDue: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
	}
}

/** Someone who already has an exercise open, as the warning names them. */
type DuplicateView = { key: string; exerciseTitle: string; personName: string; reason: string }

type ActionResult = { fieldErrors?: FormFieldErrors; message?: string; duplicates?: DuplicateView[]; audience?: 'team' | 'members' }

function duplicateView(duplicate: Duplicate, now: Date): DuplicateView {
	const reason =
		duplicate.reason.kind === 'assigned'
			? `assigned in ${duplicate.reason.teamName}, due ${formatDay(duplicate.reason.dueAt, now)}`
			: `attempt in progress since ${formatDay(duplicate.reason.startedAt, now)}`
	return { key: duplicateKey(duplicate), exerciseTitle: duplicate.exerciseTitle, personName: duplicate.personName, reason }
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, team } = await requireTeamLead(request, params.teamId)
	const formData = await request.formData()
	const now = new Date()
	const parsed = newAssignmentSchema(now).safeParse(assignmentFormValues(formData))
	if (!parsed.success) return data<ActionResult>({ fieldErrors: fieldErrorsOf(parsed.error.issues) }, { status: 400 })
	const form = parsed.data
	let slugs = form.exercises
	if (form.set) {
		const set = exerciseSets(await listAssignableExercises()).find((candidate) => candidate.id === form.set)
		if (!set) return data<ActionResult>({ fieldErrors: { set: ['That set no longer exists. Choose another set or pick exercises.'] } }, { status: 400 })
		slugs = [...slugs, ...set.slugs]
	}
	// Checked on every submission, so a confirmation covers only the people the lead was shown.
	let created: Array<{ id: string }>
	let leaveOut: Duplicate[] = []
	try {
		const duplicates = await findOpenDuplicates({
			organizationId: user.organizationId,
			teamId: team.id,
			slugs,
			audience: form.audience,
			memberIds: form.members,
			now,
		})
		if (duplicates.length && form.duplicates === 'drop') leaveOut = duplicates
		else if (duplicates.length && !(form.duplicates === 'assign' && allConfirmed(duplicates, form.confirmed)))
			return data<ActionResult>({ duplicates: duplicates.map((duplicate) => duplicateView(duplicate, now)), audience: form.audience }, { status: 409 })
		created = await createAssignments({
			organizationId: user.organizationId,
			teamId: team.id,
			actorId: user.id,
			slugs,
			audience: form.audience,
			memberIds: form.members,
			dueAt: form.dueDate,
			rules: { hintsAllowed: form.hintsAllowed, pasteBlocked: form.pasteBlocked, hardMode: form.hardMode },
			leaveOut,
		})
	} catch (error) {
		if (error instanceof AssignmentError) return data<ActionResult>({ fieldErrors: { [error.field]: [error.message] } }, { status: error.status })
		throw error
	}
	if (created.length === 0)
		return data<ActionResult>(
			{ fieldErrors: { form: ['Nothing was assigned: everyone it was for already has it open. Choose other exercises or people.'] } },
			{ status: 409 },
		)
	const leftOut = new Set(leaveOut.map((duplicate) => duplicate.userId)).size
	return redirect(`/teams/${team.id}/assignments?created=${created.length}${leftOut ? `&left=${leftOut}` : ''}`)
}

export default function NewAssignmentPage({ loaderData, actionData }: Route.ComponentProps) {
	const { team, exercises, sets, members, today, defaultDue } = loaderData
	const errors = actionData?.fieldErrors ?? {}
	const busy = useNavigation().state === 'submitting'
	const [audience, setAudience] = useState<'team' | 'members'>('team')
	const [filter, setFilter] = useState('')
	const learners = members.filter((member) => member.role === 'learner')
	const shown = exercises.filter((exercise) => exercise.title.toLowerCase().includes(filter.trim().toLowerCase()))
	return (
		<div className="space-y-6">
			<Breadcrumbs trail={[{ label: team.name, to: `/teams/${team.id}` }, { label: 'Assignments', to: `/teams/${team.id}/assignments` }, { label: 'New' }]} />
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Assign practice to {team.name}</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					Each exercise becomes one assignment with the same due date and rules. Attempts already made are never touched by later changes.
				</p>
			</div>
			{errors.form ? <FormAlert message={errors.form[0]} /> : null}
			<Form method="post" className="grid gap-6 lg:grid-cols-3" noValidate>
				<Card className="lg:col-span-2">
					<CardHeader title="Exercises" description="Pick exercises, a ready-made set, or both." />
					<div className="space-y-1.5">
						<label htmlFor="set" className="block text-sm font-medium">
							Ready-made set
						</label>
						<Select id="set" name="set" defaultValue="" aria-invalid={errors.set ? true : undefined} aria-describedby={errors.set ? 'set-error' : undefined}>
							<option value="">No set</option>
							{sets.map((set) => (
								<option key={set.id} value={set.id}>
									{set.label} — {set.slugs.length} exercises
								</option>
							))}
						</Select>
						<FieldErrors id="set-error" errors={errors.set} />
					</div>
					<fieldset className="mt-5" aria-describedby={errors.exercises ? 'exercises-error' : undefined}>
						<legend className="text-sm font-medium">Exercises</legend>
						<div className="mt-2 max-w-sm">
							<label htmlFor="exercise-filter" className="sr-only">
								Filter exercises by title
							</label>
							<Input
								id="exercise-filter"
								type="search"
								placeholder="Filter by title"
								value={filter}
								onChange={(event) => setFilter(event.currentTarget.value)}
							/>
						</div>
						<FieldErrors id="exercises-error" errors={errors.exercises} />
						<ul
							className="mt-3 max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md ring-1 ring-slate-200 dark:divide-slate-800 dark:ring-slate-800"
							tabIndex={0}
							aria-label="Exercises to choose from"
						>
							{exercises.map((exercise) => (
								<li key={exercise.slug} className={shown.includes(exercise) ? '' : 'hidden'}>
									<label className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-slate-50 dark:hover:bg-slate-800/60">
										<input type="checkbox" name="exercises" value={exercise.slug} className="mt-1 size-4 accent-brand-600" />
										<span className="min-w-0 flex-1">
											<span className="block font-medium">{exercise.title}</span>
											<span className="mt-1 flex flex-wrap gap-1.5 text-xs text-slate-600 dark:text-slate-400">
												<Badge>{KIND_LABELS[exercise.kind]}</Badge>
												<Badge>
													{difficultyBand(exercise.difficulty).label} · {formatDifficulty({ value: exercise.difficulty, source: exercise.difficultySource })}
												</Badge>
												{exercise.topics.map((topic) => (
													<Badge key={topic} tone="brand">
														{topicLabel(topic)}
													</Badge>
												))}
												{exercise.estimatedMinutes ? <span className="self-center">≈ {exercise.estimatedMinutes} min</span> : null}
											</span>
										</span>
									</label>
								</li>
							))}
						</ul>
						{shown.length === 0 ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No exercise title contains “{filter}”.</p> : null}
					</fieldset>
				</Card>
				<div className="space-y-6">
					<Card>
						<CardHeader title="Who" />
						<fieldset className="space-y-2">
							<legend className="sr-only">Who the assignment is for</legend>
							<label className="flex items-start gap-2 text-sm">
								<input
									type="radio"
									name="audience"
									value="team"
									checked={audience === 'team'}
									onChange={() => setAudience('team')}
									className="mt-0.5 size-4 accent-brand-600"
								/>
								<span>
									<span className="font-medium">The whole team</span>
									<span className="block text-slate-600 dark:text-slate-400">Every learner in {team.name}, including people who join later.</span>
								</span>
							</label>
							<label className="flex items-start gap-2 text-sm">
								<input
									type="radio"
									name="audience"
									value="members"
									checked={audience === 'members'}
									onChange={() => setAudience('members')}
									className="mt-0.5 size-4 accent-brand-600"
								/>
								<span className="font-medium">Chosen members</span>
							</label>
						</fieldset>
						<fieldset
							className={audience === 'members' ? 'mt-3 space-y-1.5 border-t border-slate-200 pt-3 dark:border-slate-800' : 'hidden'}
							aria-describedby={errors.members ? 'members-error' : undefined}
						>
							<legend className="sr-only">Members</legend>
							{learners.length === 0 ? (
								<p className="text-sm text-slate-600 dark:text-slate-400">This team has no learners yet. Invite some from the team page.</p>
							) : null}
							{learners.map((member) => (
								<label key={member.id} className="flex items-center gap-2 text-sm">
									<input type="checkbox" name="members" value={member.id} className="size-4 accent-brand-600" />
									{member.name}
								</label>
							))}
						</fieldset>
						<FieldErrors id="members-error" errors={errors.members} />
					</Card>
					<Card>
						<CardHeader title="Due date and rules" />
						<div className="space-y-1.5">
							<label htmlFor="dueDate" className="block text-sm font-medium">
								Due
							</label>
							<Input
								id="dueDate"
								name="dueDate"
								type="date"
								min={today}
								defaultValue={defaultDue}
								required
								aria-invalid={errors.dueDate ? true : undefined}
								aria-describedby={`dueDate-help${errors.dueDate ? ' dueDate-error' : ''}`}
							/>
							<p id="dueDate-help" className="text-xs text-slate-600 dark:text-slate-400">
								Due at the end of that day (UTC).
							</p>
							<FieldErrors id="dueDate-error" errors={errors.dueDate} />
						</div>
						<fieldset className="mt-4 space-y-3">
							<legend className="text-sm font-medium">Rules</legend>
							<Rule
								name="hintsAllowed"
								defaultChecked
								label="Hints allowed"
								help="Hints still unlock only after real effort, and count against independence."
							/>
							<Rule name="pasteBlocked" label="Block outside pastes" help="Pasting text copied outside the editor is refused and recorded." />
							<Rule name="hardMode" label="Hard-mode editor" help="No suggestions, hovers, quick fixes or code lenses." />
						</fieldset>
					</Card>
					{actionData?.duplicates?.length ? (
						<DuplicateWarning
							key={actionData.duplicates.map((d) => d.key).join(',')}
							duplicates={actionData.duplicates}
							wholeTeam={actionData.audience === 'team'}
							busy={busy}
						/>
					) : null}
					<div className="flex items-center gap-3">
						<Button type="submit" disabled={busy}>
							{busy ? 'Assigning…' : 'Assign'}
						</Button>
						<Link to={`/teams/${team.id}/assignments`} className={buttonClass('ghost')}>
							Cancel
						</Link>
					</div>
				</div>
			</Form>
		</div>
	)
}

/**
 * Who already has an exercise open, with the two ways on: assign to them too, or leave them
 * out. Both buttons submit the whole form again; the server checks once more.
 */
function DuplicateWarning({ duplicates, wholeTeam, busy }: { duplicates: DuplicateView[]; wholeTeam: boolean; busy: boolean }) {
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => {
		heading.current?.focus({ preventScroll: true })
		heading.current?.closest('section')?.scrollIntoView({ block: 'center' })
	}, [])
	const byExercise = new Map<string, DuplicateView[]>()
	for (const duplicate of duplicates) byExercise.set(duplicate.exerciseTitle, [...(byExercise.get(duplicate.exerciseTitle) ?? []), duplicate])
	const people = new Set(duplicates.map((duplicate) => duplicate.personName)).size
	return (
		<section
			role="alert"
			aria-labelledby="duplicates-title"
			className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
		>
			<h2 id="duplicates-title" ref={heading} tabIndex={-1} className="font-semibold outline-none">
				{people === 1 ? 'Someone already has this open' : `${people} people already have this open`}
			</h2>
			<ul className="mt-2 space-y-2">
				{[...byExercise].map(([title, rows]) => (
					<li key={title}>
						<span className="font-medium">{title}</span>
						<ul className="mt-0.5 list-disc pl-5">
							{rows.map((row) => (
								<li key={row.key}>
									{row.personName} <span className="text-amber-900 dark:text-amber-200">— {row.reason}</span>
									<input type="hidden" name="confirmed" value={row.key} />
								</li>
							))}
						</ul>
					</li>
				))}
			</ul>
			<p className="mt-2">
				Assign anyway to give them a second assignment of it, or leave them out.
				{wholeTeam ? ' Leaving people out names the other learners instead of the whole team, so people who join later will not get it.' : ''}
			</p>
			<div className="mt-3 flex flex-wrap gap-2">
				<Button type="submit" name="duplicates" value="drop" disabled={busy}>
					Leave them out
				</Button>
				<Button type="submit" name="duplicates" value="assign" variant="secondary" disabled={busy}>
					Assign anyway
				</Button>
			</div>
		</section>
	)
}

function Rule({ name, label, help, defaultChecked }: { name: string; label: string; help: string; defaultChecked?: boolean }) {
	return (
		<label className="flex items-start gap-2 text-sm">
			<input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 size-4 accent-brand-600" />
			<span>
				<span className="font-medium">{label}</span>
				<span className="block text-slate-600 dark:text-slate-400">{help}</span>
			</span>
		</label>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Assign practice · ${loaderData?.team.name ?? 'Team'} · Hardmode` }]
