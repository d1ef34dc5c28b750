// Hints (locked until real effort, revealed only after a confirmation that says what they
// cost) and the diagnosis: location picked in the editor, category, explanation, the fix
// (the current code) and the attestation; then the grade, part by part.
import { useEffect, useId, useState } from 'react'
import { useFetcher } from 'react-router'
import type { DiagnosisGrade } from '#app/attempts/grading.ts'
import type { HintState } from '#app/attempts/hints.ts'
import { hintLockReason } from '#app/attempts/hints.ts'
import { MIN_EXPLANATION_CHARS, type WorkspaceActionData } from '#app/attempts/submission.ts'
import { ROOT_CAUSE_CATEGORIES } from '#app/exercises/taxonomy.ts'
import type { EditorSelection } from './code-editor-types.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Dialog } from '#app/components/ui/dialog.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'

export type SubmissionView = DiagnosisGrade & {
	id: string
	number: number
	file: string
	startLine: number
	endLine: number
	category: string
	createdAt: string
}

const inputClass =
	'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none dark:border-slate-600 dark:bg-slate-900'

export function HintsPanel({ hints, readOnly }: { hints: HintState; readOnly: boolean }) {
	const fetcher = useFetcher<WorkspaceActionData>()
	const [confirming, setConfirming] = useState(false)
	const lock = hintLockReason(hints.next, hints.allowed)
	const failed = fetcher.data && fetcher.data.intent === 'reveal-hint' && !fetcher.data.ok ? fetcher.data.message : null
	return (
		<div className="space-y-3 p-3 text-sm">
			<p className="text-slate-700 dark:text-slate-300">
				Hints teach a method, never the answer. They unlock after real effort — time on the problem and hypotheses in your journal — and each one you reveal
				counts against the independence of this attempt.
			</p>
			{hints.fading && !readOnly ? <p className="text-xs text-slate-600 dark:text-slate-400">{hints.fading}</p> : null}
			{hints.revealed.length ? (
				<ol className="space-y-2">
					{hints.revealed.map((hint) => (
						<li key={hint.index} className="rounded-md bg-amber-50 p-2.5 ring-1 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-800">
							<p className="text-xs font-semibold text-amber-900 dark:text-amber-200">Hint {hint.index + 1}</p>
							<p className="mt-1">{hint.text}</p>
						</li>
					))}
				</ol>
			) : null}
			{readOnly ? null : lock ? (
				<p className="flex gap-2 rounded-md bg-slate-100 p-2.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300" role="status">
					{/* A drawn padlock: emoji fonts are not on every machine. */}
					<svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0 fill-current">
						<path d="M4.5 7V5a3.5 3.5 0 1 1 7 0v2h.5A1.5 1.5 0 0 1 13.5 8.5v5A1.5 1.5 0 0 1 12 15H4a1.5 1.5 0 0 1-1.5-1.5v-5A1.5 1.5 0 0 1 4 7h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" />
					</svg>
					<span>{lock}</span>
				</p>
			) : (
				<Button variant="secondary" onClick={() => setConfirming(true)} disabled={fetcher.state !== 'idle'}>
					Reveal hint {hints.next!.index + 1}
				</Button>
			)}
			<FormAlert message={failed} />
			<Dialog open={confirming} onClose={() => setConfirming(false)} title={`Reveal hint ${(hints.next?.index ?? 0) + 1}?`}>
				<p className="text-sm text-slate-700 dark:text-slate-300">
					This attempt will no longer count as independent work, and your lead sees that you used a hint. If you have an untested hypothesis, testing it first
					is usually the better experiment.
				</p>
				<fetcher.Form method="post" className="mt-6 flex justify-end gap-3" onSubmit={() => setConfirming(false)}>
					<input type="hidden" name="index" value={hints.next?.index ?? 0} />
					<Button variant="secondary" onClick={() => setConfirming(false)}>
						Keep working
					</Button>
					<Button type="submit" name="intent" value="reveal-hint">
						Reveal the hint
					</Button>
				</fetcher.Form>
			</Dialog>
		</div>
	)
}

export function DiagnosisPanel({
	status,
	submissions,
	getSelection,
	getFiles,
	beforeSubmit,
	referenceHtml,
	referenceCategories,
}: {
	status: 'in_progress' | 'solved' | 'gave_up'
	submissions: SubmissionView[]
	getSelection(): EditorSelection | null
	getFiles(): Record<string, string>
	/** Saves pending journal and code events, so the timeline is complete before grading. */
	beforeSubmit(): void
	referenceHtml: string | null
	/** The reference category first, then the other names grading accepted. */
	referenceCategories: string[]
}) {
	const fetcher = useFetcher<WorkspaceActionData>()
	const giveUpFetcher = useFetcher<WorkspaceActionData>()
	const [location, setLocation] = useState<EditorSelection | null>(null)
	const [locationProblem, setLocationProblem] = useState<string | null>(null)
	const [confirmGiveUp, setConfirmGiveUp] = useState(false)
	const id = useId()
	const result = fetcher.data?.intent === 'submit' ? fetcher.data : null
	const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
	const grading = fetcher.state !== 'idle'
	const latest = submissions[0]
	useEffect(() => {
		if (result?.ok && !result.correct) document.getElementById(`${id}-grade`)?.focus()
	}, [result, id])
	const categoryLabel = (categoryId: string) => ROOT_CAUSE_CATEGORIES.find((category) => category.id === categoryId)?.label ?? categoryId

	if (status !== 'in_progress') {
		return (
			<div className="space-y-3 p-3 text-sm">
				<FormAlert
					tone={status === 'solved' ? 'success' : 'error'}
					message={status === 'solved' ? 'Solved: location, category and fix were all right.' : 'You gave up on this attempt.'}
				/>
				{latest ? <GradeCard submission={latest} categoryLabel={categoryLabel} /> : null}
				{referenceHtml ? (
					<section aria-labelledby={`${id}-reference`} className="space-y-2">
						<h3 id={`${id}-reference`} className="font-semibold">
							The reference explanation
						</h3>
						{referenceCategories.length > 0 ? (
							<p className="text-xs text-slate-600 dark:text-slate-400">
								Category: {categoryLabel(referenceCategories[0]!)}
								{referenceCategories.length > 1 ? ` (also accepted: ${referenceCategories.slice(1).map(categoryLabel).join(', ')})` : null}
							</p>
						) : null}
						<div className="prose-brief" dangerouslySetInnerHTML={{ __html: referenceHtml }} />
					</section>
				) : null}
			</div>
		)
	}

	return (
		<div className="space-y-4 p-3 text-sm">
			{latest ? (
				<div id={`${id}-grade`} tabIndex={-1} className="outline-none">
					<GradeCard submission={latest} categoryLabel={categoryLabel} />
				</div>
			) : null}
			<fetcher.Form
				method="post"
				className="space-y-3"
				onSubmit={(event) => {
					beforeSubmit()
					const input = event.currentTarget.elements.namedItem('files') as HTMLInputElement
					input.value = JSON.stringify(getFiles())
				}}
			>
				<input type="hidden" name="intent" value="submit" />
				<input type="hidden" name="files" defaultValue="" />
				<fieldset className="space-y-1.5">
					<legend className="text-sm font-medium">Root-cause location</legend>
					<p className="text-xs text-slate-600 dark:text-slate-400">Select the lines in the editor, then use them here.</p>
					<div className="flex flex-wrap items-center gap-2">
						<Button
							variant="secondary"
							className="px-2.5 py-1 text-xs"
							onClick={() => {
								const selection = getSelection()
								if (!selection || !selection.path.startsWith('src/')) {
									setLocationProblem('Select the lines in one of the src/ files first (the tests are not where the bug is).')
									return
								}
								setLocation(selection)
								setLocationProblem(null)
							}}
						>
							Use selected lines
						</Button>
						<output className="font-mono text-xs" aria-live="polite">
							{location ? `${location.path} lines ${location.startLine}–${location.endLine}` : 'nothing picked yet'}
						</output>
					</div>
					<input type="hidden" name="file" value={location?.path ?? ''} />
					<input type="hidden" name="startLine" value={location?.startLine ?? ''} />
					<input type="hidden" name="endLine" value={location?.endLine ?? ''} />
					{locationProblem ? <p className="text-xs text-red-700 dark:text-red-400">{locationProblem}</p> : null}
					{/* With no lines picked, the line numbers' own errors would only repeat it. */}
					<FieldErrors errors={fieldErrors.file ?? [...(fieldErrors.startLine ?? []), ...(fieldErrors.endLine ?? [])]} />
				</fieldset>
				<div className="space-y-1.5">
					<label htmlFor={`${id}-category`} className="block text-sm font-medium">
						Category
					</label>
					<select
						id={`${id}-category`}
						name="category"
						defaultValue=""
						className={inputClass}
						aria-invalid={fieldErrors.category ? true : undefined}
						aria-describedby={fieldErrors.category ? `${id}-category-error` : undefined}
					>
						<option value="" disabled>
							Choose a category…
						</option>
						{ROOT_CAUSE_CATEGORIES.map((category) => (
							<option key={category.id} value={category.id} title={category.description}>
								{category.label}
							</option>
						))}
					</select>
					<FieldErrors id={`${id}-category-error`} errors={fieldErrors.category} />
				</div>
				<div className="space-y-1.5">
					<label htmlFor={`${id}-explanation`} className="block text-sm font-medium">
						Explanation, in your own words
					</label>
					<textarea
						id={`${id}-explanation`}
						name="explanation"
						rows={5}
						className={inputClass}
						placeholder="What is wrong, and why does it produce the symptom in the brief?"
						aria-invalid={fieldErrors.explanation ? true : undefined}
						aria-describedby={`${id}-explanation-help${fieldErrors.explanation ? ` ${id}-explanation-error` : ''}`}
					/>
					<p id={`${id}-explanation-help`} className="text-xs text-slate-600 dark:text-slate-400">
						At least two sentences ({MIN_EXPLANATION_CHARS}+ characters). Your lead scores it with the rubric.
					</p>
					<FieldErrors id={`${id}-explanation-error`} errors={fieldErrors.explanation} />
				</div>
				<div className="space-y-1">
					<label className="flex items-start gap-2 text-sm">
						<input type="checkbox" name="attested" className="mt-0.5 size-4" aria-describedby={fieldErrors.attested ? `${id}-attested-error` : undefined} />
						<span>I worked on this without AI assistance.</span>
					</label>
					<FieldErrors id={`${id}-attested-error`} errors={fieldErrors.attested} />
				</div>
				<p className="text-xs text-slate-600 dark:text-slate-400">
					The fix is the code in the editor now. Hidden tests grade it; a fix that fails them counts as a failed change, and you can keep working.
				</p>
				{result && !result.ok && result.message ? <FormAlert message={result.message} /> : null}
				<Button type="submit" className="w-full" disabled={grading}>
					{grading ? 'Grading with the hidden tests…' : 'Submit diagnosis'}
				</Button>
			</fetcher.Form>
			<div className="border-t border-slate-200 pt-3 dark:border-slate-700">
				<Button variant="ghost" className="text-xs" onClick={() => setConfirmGiveUp(true)}>
					Give up and see the explanation
				</Button>
			</div>
			<Dialog open={confirmGiveUp} onClose={() => setConfirmGiveUp(false)} title="Give up on this attempt?">
				<p className="text-sm text-slate-700 dark:text-slate-300">
					The attempt ends unsolved and the reference explanation is shown. Your runs, journal and code stay recorded. You can start a fresh attempt later.
				</p>
				<giveUpFetcher.Form method="post" className="mt-6 flex justify-end gap-3" onSubmit={() => setConfirmGiveUp(false)}>
					<Button variant="secondary" onClick={() => setConfirmGiveUp(false)}>
						Keep working
					</Button>
					<Button type="submit" variant="danger" name="intent" value="give-up">
						Give up
					</Button>
				</giveUpFetcher.Form>
			</Dialog>
		</div>
	)
}

function GradeCard({ submission, categoryLabel }: { submission: SubmissionView; categoryLabel(id: string): string }) {
	const total = submission.testsPassed + submission.testsFailed
	const parts = [
		{
			name: 'Location',
			right: submission.locationCorrect,
			detail: `${submission.file} lines ${submission.startLine}–${submission.endLine}`,
			wrong: 'This is not where the root cause is.',
		},
		{ name: 'Category', right: submission.categoryCorrect, detail: categoryLabel(submission.category), wrong: 'Not the category of this root cause.' },
		{
			name: 'Fix',
			right: submission.fixCorrect,
			detail: submission.fixCorrect ? `all ${total} tests pass, hidden ones included` : `${submission.testsFailed} of ${total} tests fail — a failed change`,
			wrong: 'Keep the behaviour the tests describe and fix the cause, not the symptom.',
		},
	]
	return (
		<section aria-label={`Grade of submission ${submission.number}`} className="space-y-2 rounded-md p-2.5 ring-1 ring-slate-200 dark:ring-slate-700">
			<div className="flex items-center justify-between">
				<h3 className="font-semibold">Submission {submission.number}</h3>
				<Badge tone={submission.correct ? 'success' : 'danger'}>{submission.correct ? 'Correct' : 'Not yet'}</Badge>
			</div>
			<ul className="space-y-1.5">
				{parts.map((part) => (
					<li key={part.name} className="flex gap-2">
						<span aria-hidden="true" className={part.right ? 'font-bold text-emerald-700 dark:text-emerald-400' : 'font-bold text-red-700 dark:text-red-400'}>
							{part.right ? '✓' : '✗'}
						</span>
						<span>
							<strong>
								{part.name}: {part.right ? 'right' : 'wrong'}
							</strong>{' '}
							<span className="text-slate-600 dark:text-slate-400">({part.detail})</span>
							{part.right ? null : <span className="block text-xs text-slate-600 dark:text-slate-400">{part.wrong}</span>}
						</span>
					</li>
				))}
			</ul>
		</section>
	)
}
