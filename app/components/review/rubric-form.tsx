// Scoring with the exercise's rubric: a level per criterion and a summary for the engineer. A
// second lead saving over a review they did not see gets that review shown instead.
import { useState } from 'react'
import { Form, useNavigation } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { cn } from '#app/components/ui/cn.ts'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import { MAX_SUMMARY_LENGTH } from '#app/reviews/review-form.ts'
import type { AttemptReviewView, ScoreResult } from '#app/reviews/review-view.ts'
import { levelDescriptor, rubricPercent, RUBRIC_MAX_LEVEL } from '#app/reviews/rubric.ts'
import { Panel } from './review-panels.tsx'

export function RubricForm({ data, actionData }: { data: AttemptReviewView; actionData?: ScoreResult }) {
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'score'
	const openingNext = busy && navigation.formData?.get('then') === 'next'
	const { others } = data.queue
	const conflict = actionData && !actionData.ok ? (actionData.current ?? null) : null
	const review = conflict ?? data.review
	const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(data.review?.scores ?? {}) }))
	const errors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {}
	const finished = data.attempt.status !== 'in_progress'
	const percent = rubricPercent(data.exercise.rubric, scores)
	const complete = data.exercise.rubric.every((criterion) => scores[criterion.id] !== undefined)
	return (
		<Panel title={data.review ? 'Rubric score' : 'Score with the rubric'}>
			{actionData?.ok ? (
				<FormAlert
					tone="success"
					message={`Review saved: ${actionData.review.percent}%. ${data.attempt.learner.name} sees it on the attempt and the dashboard.`}
				/>
			) : null}
			{actionData && !actionData.ok && actionData.message ? <FormAlert message={actionData.message} /> : null}
			{conflict ? <SavedReview review={conflict} rubric={data.exercise.rubric} heading={`${conflict.reviewerName}’s review (saved)`} /> : null}
			{!finished ? <p className="text-sm text-slate-600 dark:text-slate-400">The attempt is still in progress; it can be scored once it is finished.</p> : null}
			<Form method="post" className={cn('space-y-4', conflict && 'mt-4')} noValidate>
				<input type="hidden" name="intent" value="score" />
				<input type="hidden" name="baseVersion" value={review?.version ?? 0} />
				<input type="hidden" name="queue" value={data.queue.search} />
				{data.exercise.rubric.map((criterion) => (
					<fieldset key={criterion.id} aria-describedby={errors[`score.${criterion.id}`] ? `score-${criterion.id}-error` : undefined}>
						<legend className="text-sm font-semibold">
							{criterion.title} <span className="font-normal text-slate-600 dark:text-slate-400">· weight {criterion.weight}</span>
						</legend>
						<div className="mt-1.5 space-y-1">
							{Array.from({ length: RUBRIC_MAX_LEVEL + 1 }, (_, level) => (
								<label
									key={level}
									className={cn(
										'flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800',
										scores[criterion.id] === level && 'bg-brand-50 dark:bg-slate-800',
									)}
								>
									<input
										type="radio"
										name={`score.${criterion.id}`}
										value={level}
										checked={scores[criterion.id] === level}
										onChange={() => setScores((current) => ({ ...current, [criterion.id]: level }))}
										className="mt-0.5 size-4 shrink-0 accent-brand-600"
									/>
									<span>
										<span className="font-semibold tabular-nums">{level}</span> — {levelDescriptor(criterion, level)}
									</span>
								</label>
							))}
						</div>
						<FieldErrors id={`score-${criterion.id}-error`} errors={errors[`score.${criterion.id}`]} />
					</fieldset>
				))}
				<div className="space-y-1.5">
					<label htmlFor="review-summary" className="block text-sm font-semibold">
						Summary for the engineer
					</label>
					<textarea
						id="review-summary"
						name="summary"
						rows={4}
						maxLength={MAX_SUMMARY_LENGTH + 100}
						defaultValue={data.review?.summary ?? ''}
						aria-invalid={errors.summary ? true : undefined}
						aria-describedby={errors.summary ? 'review-summary-error' : undefined}
						className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-900 dark:ring-slate-600"
						placeholder="What was strong in the method, and what to practise next."
					/>
					<FieldErrors id="review-summary-error" errors={errors.summary} />
				</div>
				<p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
					{complete ? `Score: ${percent}%` : 'Choose a level for every criterion.'}
				</p>
				<div className="flex flex-wrap items-center justify-end gap-2">
					<Button type="submit" variant="secondary" disabled={busy || !finished}>
						{busy && !openingNext ? 'Saving…' : 'Save review'}
					</Button>
					<Button type="submit" name="then" value="next" disabled={busy || !finished} aria-describedby="review-next-help">
						{openingNext ? 'Saving…' : 'Save and open the next'}
					</Button>
				</div>
				<p id="review-next-help" className="text-right text-xs text-slate-600 dark:text-slate-400">
					{others === 0
						? 'Nothing else is waiting in this queue: saving takes you back to it.'
						: `${others} more ${others === 1 ? 'attempt waits' : 'attempts wait'} in this queue${data.queue.search ? ', with its filters' : ''}.`}
				</p>
				{data.review && !conflict ? (
					<p className="text-xs text-slate-600 dark:text-slate-400">
						Last saved by {data.review.reviewerName} · {data.review.percent}%. Saving again replaces it, and the engineer sees it as new.
					</p>
				) : null}
			</Form>
		</Panel>
	)
}

function SavedReview({
	review,
	rubric,
	heading,
}: {
	review: { percent: number; summary: string; scores: Record<string, number> }
	rubric: AttemptReviewView['exercise']['rubric']
	heading: string
}) {
	return (
		<div className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
			<p className="font-semibold">
				{heading} · {review.percent}%
			</p>
			<ul className="mt-1.5 space-y-1">
				{rubric.map((criterion) => (
					<li key={criterion.id}>
						<span className="font-medium">{criterion.title}:</span> {review.scores[criterion.id] ?? '–'} of {RUBRIC_MAX_LEVEL}{' '}
						<span className="text-slate-600 dark:text-slate-400">— {levelDescriptor(criterion, review.scores[criterion.id] ?? 0)}</span>
					</li>
				))}
			</ul>
			<p className="mt-2 break-words whitespace-pre-line">{review.summary}</p>
		</div>
	)
}
