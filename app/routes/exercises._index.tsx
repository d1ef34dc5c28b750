import { Form, Link, useNavigation, useSubmit } from 'react-router'
import type { Route } from './+types/exercises._index'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, buttonClass } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Input, Select } from '#app/components/ui/input.tsx'
import { EXERCISE_KINDS } from '#app/exercises/kinds.ts'
import { TOPICS, topicLabel } from '#app/exercises/topics.ts'
import { listCatalogueForUser } from '#app/models/practice.server.ts'
import {
	DIFFICULTY_BANDS,
	difficultyBand,
	isFiltered,
	KIND_LABELS,
	LEARNER_EXERCISE_STATUSES,
	LEARNER_STATUS_LABELS,
	SEARCH_MAX_LENGTH,
	type LearnerExerciseStatus,
} from '#app/practice/catalogue-labels.ts'
// Server only (the loader): the query's zod schema never reaches the browser.
import { filterCatalogue, parseCatalogueQuery } from '#app/practice/catalogue-filter.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatDifficulty } from '#app/growth/rating-display.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const query = parseCatalogueQuery(new URL(request.url).searchParams)
	const catalogue = await listCatalogueForUser(getPrisma(), user)
	return { query, total: catalogue.length, exercises: filterCatalogue(catalogue, query) }
}

const STATUS_TONES: Record<LearnerExerciseStatus, 'neutral' | 'brand' | 'success' | 'warning'> = {
	new: 'neutral',
	in_progress: 'brand',
	solved: 'success',
	given_up: 'warning',
}

const LANGUAGE_LABELS: Record<string, string> = { typescript: 'TypeScript', javascript: 'JavaScript' }

export default function ExerciseCatalogue({ loaderData }: Route.ComponentProps) {
	const { query, total, exercises } = loaderData
	const submit = useSubmit()
	const searching = useNavigation().state === 'loading'
	const filtered = isFiltered(query)
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold tracking-tight">Exercises</h1>
				<p className="mt-1 text-slate-700 dark:text-slate-300">
					Realistic broken systems to diagnose on your own. Pick one at your level, or one in a topic you want to get better at.
				</p>
			</div>
			<Card>
				{/* Works as a plain GET form; with JavaScript, choosing from a list applies it at once. */}
				<Form
					method="get"
					role="search"
					aria-label="Filter exercises"
					className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
					onChange={(event) => {
						if (event.target instanceof HTMLSelectElement) void submit(event.currentTarget, { replace: true, preventScrollReset: true })
					}}
				>
					<div className="space-y-1.5 sm:col-span-2">
						<label htmlFor="filter-q" className="block text-sm font-medium">
							Search
						</label>
						<Input
							id="filter-q"
							type="search"
							name="q"
							defaultValue={query.q}
							maxLength={SEARCH_MAX_LENGTH}
							placeholder="Title, symptom or topic"
							key={query.q}
						/>
					</div>
					<FilterSelect id="filter-kind" name="kind" label="Kind" value={query.kind} options={EXERCISE_KINDS.map((kind) => [kind, KIND_LABELS[kind]])} />
					<FilterSelect id="filter-topic" name="topic" label="Topic" value={query.topic} options={TOPICS.map((topic) => [topic.id, topic.label])} />
					<FilterSelect
						id="filter-band"
						name="band"
						label="Difficulty"
						value={query.band}
						options={DIFFICULTY_BANDS.map((band) => [band.id, `${band.label} (${band.min}–${band.max})`])}
					/>
					<FilterSelect
						id="filter-status"
						name="status"
						label="My status"
						value={query.status}
						options={LEARNER_EXERCISE_STATUSES.map((status) => [status, LEARNER_STATUS_LABELS[status]])}
					/>
					<div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
						<Button type="submit" variant="secondary" disabled={searching}>
							Apply filters
						</Button>
						{filtered ? (
							<Link to="/exercises" className={cn('text-sm font-medium', linkClass)}>
								Clear filters
							</Link>
						) : null}
						<p className="ml-auto text-sm text-slate-700 dark:text-slate-300" role="status" aria-live="polite">
							{exercises.length} of {total} {total === 1 ? 'exercise' : 'exercises'}
						</p>
					</div>
				</Form>
			</Card>
			{exercises.length === 0 ? (
				<div className="rounded-md border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
					{total === 0 ? (
						<>
							<p className="font-medium">No exercises are loaded yet</p>
							<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
								Exercises are read from the exercises/ folder when the server starts. Ask whoever runs Hardmode to add some.
							</p>
						</>
					) : (
						<>
							<p className="font-medium">No exercise matches these filters</p>
							<p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Try fewer words, another topic or difficulty, or set a filter back to “Any”.</p>
							<Link to="/exercises" className={buttonClass('secondary', 'mt-4')}>
								Clear filters
							</Link>
						</>
					)}
				</div>
			) : (
				<div className="space-y-8">
					{groupByBand(exercises).map(({ band, exercises: inBand }) => (
						<section key={band.id} aria-labelledby={`band-${band.id}`} className="space-y-3">
							<h2 id={`band-${band.id}`} className="text-lg font-semibold">
								{band.label}{' '}
								<span className="text-sm font-normal text-slate-600 dark:text-slate-400">
									· difficulty {band.min}–{band.max} · {inBand.length} {inBand.length === 1 ? 'exercise' : 'exercises'}
								</span>
							</h2>
							<ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label={`${band.label} exercises`}>
								{inBand.map((exercise) => (
									<CatalogueCard key={exercise.slug} exercise={exercise} />
								))}
							</ul>
						</section>
					))}
				</div>
			)}
		</div>
	)
}

type CatalogueEntry = Route.ComponentProps['loaderData']['exercises'][number]

/** The catalogue in its bands, easiest first; the loader's order (difficulty, then title) is kept inside each band. */
function groupByBand(exercises: CatalogueEntry[]) {
	return DIFFICULTY_BANDS.map((band) => ({ band, exercises: exercises.filter((exercise) => difficultyBand(exercise.difficulty).id === band.id) })).filter(
		(group) => group.exercises.length > 0,
	)
}

function CatalogueCard({ exercise }: { exercise: CatalogueEntry }) {
	const band = difficultyBand(exercise.difficulty)
	return (
		<li>
			<Card className="flex h-full flex-col gap-2.5">
				<div className="flex items-start justify-between gap-3">
					<h3 className="text-base font-semibold">
						<Link to={`/exercises/${exercise.slug}`} className={linkClass}>
							{exercise.title}
						</Link>
					</h3>
					<Badge tone={STATUS_TONES[exercise.status]}>
						<span className="sr-only">My status: </span>
						{LEARNER_STATUS_LABELS[exercise.status]}
					</Badge>
				</div>
				{exercise.summary ? <p className="text-sm text-slate-700 dark:text-slate-300">{exercise.summary}</p> : null}
				<dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
					<div className="flex gap-1">
						<dt>Difficulty</dt>
						<dd className="font-medium text-slate-800 tabular-nums dark:text-slate-200">
							{formatDifficulty({ value: exercise.difficulty, source: exercise.difficultySource })} · {band.label}
						</dd>
					</div>
					{exercise.estimatedMinutes ? (
						<div className="flex gap-1">
							<dt>Takes about</dt>
							<dd className="font-medium text-slate-800 dark:text-slate-200">{exercise.estimatedMinutes} min</dd>
						</div>
					) : null}
					<div className="flex gap-1">
						<dt className="sr-only">Kind and language</dt>
						<dd>
							{KIND_LABELS[exercise.kind]}
							{exercise.language ? ` · ${LANGUAGE_LABELS[exercise.language] ?? exercise.language}` : ''}
						</dd>
					</div>
				</dl>
				{exercise.topics.length ? (
					<ul className="flex flex-wrap gap-1.5" aria-label="Topics">
						{exercise.topics.map((topic) => (
							<li key={topic}>
								<Badge>{topicLabel(topic)}</Badge>
							</li>
						))}
					</ul>
				) : null}
			</Card>
		</li>
	)
}

function FilterSelect({
	id,
	name,
	label,
	value,
	options,
}: {
	id: string
	name: string
	label: string
	value: string | null
	options: Array<[value: string, label: string]>
}) {
	return (
		<div className="space-y-1.5">
			<label htmlFor={id} className="block text-sm font-medium">
				{label}
			</label>
			<Select id={id} name={name} defaultValue={value ?? ''} key={value ?? ''}>
				<option value="">Any</option>
				{options.map(([optionValue, optionLabel]) => (
					<option key={optionValue} value={optionValue}>
						{optionLabel}
					</option>
				))}
			</Select>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Exercises · Hardmode' }]
