// The review queue's filters: a GET form, so the query string is the state (shareable, kept
// on reload). It works without JavaScript through its Apply button; with it, choosing from a
// list applies at once. Every choice says how many attempts it would show with the others.
import { Form, Link, useNavigation, useSubmit } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { Select } from '#app/components/ui/input.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import {
	isQueueFiltered,
	QUEUE_SORT_LABELS,
	QUEUE_SORTS,
	QUEUE_SOURCE_LABELS,
	QUEUE_SOURCES,
	QUEUE_WAITING,
	QUEUE_WAITING_LABELS,
	type QueueQuery,
	type QueueSource,
	type QueueWaiting,
} from '#app/reviews/queue-query.ts'

type Choice = { value: string; label: string; count: number }

/** Each filter's choices and how many attempts each would show, the other filters as they are. */
export type QueueChoices = {
	team: { any: number; options: Choice[] }
	exercise: { any: number; options: Choice[] }
	source: Record<'any' | QueueSource, number>
	waiting: Record<'any' | QueueWaiting, number>
}

export function QueueFilters({ query, choices, matching, waiting }: { query: QueueQuery; choices: QueueChoices; matching: number; waiting: number }) {
	const submit = useSubmit()
	const loading = useNavigation().state === 'loading'
	return (
		<Form
			method="get"
			role="search"
			aria-label="Filter the review queue"
			className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
			onChange={(event) => {
				if (!(event.target instanceof HTMLSelectElement)) return
				// Only the filters in use, so the address stays short enough to read and share.
				const params = new URLSearchParams()
				for (const [key, value] of new FormData(event.currentTarget))
					if (typeof value === 'string' && value && !(key === 'sort' && value === 'oldest')) params.set(key, value)
				void submit(params, { method: 'get', replace: true, preventScrollReset: true })
			}}
		>
			{choices.team.options.length > 1 || query.team ? (
				<FilterSelect
					id="queue-team"
					name="team"
					label="Team"
					value={query.team}
					any={`Any team (${choices.team.any})`}
					options={choices.team.options.map((team) => [team.value, `${team.label} (${team.count})`])}
				/>
			) : null}
			<FilterSelect
				id="queue-exercise"
				name="exercise"
				label="Exercise"
				value={query.exercise}
				any={`Any exercise (${choices.exercise.any})`}
				options={choices.exercise.options.map((exercise) => [exercise.value, `${exercise.label} (${exercise.count})`])}
			/>
			<FilterSelect
				id="queue-source"
				name="source"
				label="Assigned or self-chosen"
				value={query.source}
				any={`Either (${choices.source.any})`}
				options={QUEUE_SOURCES.map((source) => [source, `${QUEUE_SOURCE_LABELS[source]} (${choices.source[source]})`])}
			/>
			<FilterSelect
				id="queue-waiting"
				name="waiting"
				label="Waiting"
				value={query.waiting}
				any={`Any time (${choices.waiting.any})`}
				options={QUEUE_WAITING.map((key) => [key, `${QUEUE_WAITING_LABELS[key]} (${choices.waiting[key]})`])}
			/>
			<div className="space-y-1.5">
				<label htmlFor="queue-sort" className="block text-sm font-medium">
					Order
				</label>
				<Select id="queue-sort" name="sort" defaultValue={query.sort} key={query.sort}>
					{QUEUE_SORTS.map((sort) => (
						<option key={sort} value={sort}>
							{QUEUE_SORT_LABELS[sort]}
						</option>
					))}
				</Select>
			</div>
			<div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
				<Button type="submit" variant="secondary" disabled={loading}>
					Apply filters
				</Button>
				{isQueueFiltered(query) ? (
					<Link to="/reviews" className={cn('text-sm font-medium', linkClass)}>
						Clear filters
					</Link>
				) : null}
				<p className="ml-auto text-sm text-slate-700 dark:text-slate-300" role="status" aria-live="polite">
					{isQueueFiltered(query) ? `${matching} of ${waiting} waiting attempts match` : `${waiting} waiting ${waiting === 1 ? 'attempt' : 'attempts'}`}
				</p>
			</div>
		</Form>
	)
}

function FilterSelect({
	id,
	name,
	label,
	value,
	any,
	options,
}: {
	id: string
	name: string
	label: string
	value: string | null
	any: string
	options: Array<[value: string, label: string]>
}) {
	return (
		<div className="space-y-1.5">
			<label htmlFor={id} className="block text-sm font-medium">
				{label}
			</label>
			<Select id={id} name={name} defaultValue={value ?? ''} key={value ?? ''}>
				<option value="">{any}</option>
				{options.map(([optionValue, optionLabel]) => (
					<option key={optionValue} value={optionValue}>
						{optionLabel}
					</option>
				))}
			</Select>
		</div>
	)
}
