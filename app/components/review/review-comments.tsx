// Comments on the attempt, each anchored to a moment of the replay and, when it is about the
// code, to a line; selecting one jumps the replay there.
import { useEffect, useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { FieldErrors, FormAlert } from '#app/components/ui/field.tsx'
import type { ReviewCommentView } from '#app/models/review.server.ts'
import { MAX_COMMENT_LENGTH } from '#app/reviews/review-form.ts'
import type { AttemptReviewView, CommentResult } from '#app/reviews/review-view.ts'
import { Panel } from './review-panels.tsx'
import type { SelectedLine } from './code-at-moment.tsx'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatClock } from '#app/utils/time-format.ts'

export function Comments({
	data,
	actionData,
	offset,
	selectedLine,
	onClearLine,
	onJump,
}: {
	data: AttemptReviewView
	actionData?: CommentResult
	offset: number
	selectedLine: SelectedLine | null
	onClearLine(): void
	onJump(comment: ReviewCommentView): void
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment'
	const formRef = useRef<HTMLFormElement>(null)
	const errors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {}
	useEffect(() => {
		if (actionData?.ok) formRef.current?.reset()
	}, [actionData])
	const finished = data.attempt.status !== 'in_progress'
	return (
		<Panel title={`Comments (${data.comments.length})`}>
			{data.comments.length === 0 ? (
				<p className="text-sm text-slate-600 dark:text-slate-400">
					No comments yet. Pick a moment (and a line, if it is about the code) and write what you noticed.
				</p>
			) : null}
			<ol className="space-y-2">
				{data.comments.map((comment) => (
					<li key={comment.id} className="rounded-md bg-slate-50 px-2.5 py-2 text-sm dark:bg-slate-800/60">
						<button type="button" onClick={() => onJump(comment)} className={cn('font-mono text-xs', linkClass)}>
							{formatClock(comment.offsetMs)}
							{comment.file ? ` · ${comment.file}${comment.line ? `:${comment.line}` : ''}` : ''}
						</button>
						<span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{comment.authorName}</span>
						<p className="mt-1 break-words whitespace-pre-line">{comment.body}</p>
					</li>
				))}
			</ol>
			{actionData && !actionData.ok && actionData.message ? (
				<div className="mt-3">
					<FormAlert message={actionData.message} />
				</div>
			) : null}
			{finished ? (
				<Form method="post" ref={formRef} className="mt-3 space-y-2" noValidate>
					<input type="hidden" name="intent" value="comment" />
					<input type="hidden" name="offsetMs" value={Math.round(offset)} />
					<input type="hidden" name="file" value={selectedLine?.file ?? ''} />
					<input type="hidden" name="line" value={selectedLine?.line ?? ''} />
					<label htmlFor="comment-body" className="block text-sm font-semibold">
						Comment at {formatClock(offset)}
						{selectedLine ? `, ${selectedLine.file} line ${selectedLine.line}` : ''}
					</label>
					<textarea
						id="comment-body"
						name="body"
						rows={3}
						maxLength={MAX_COMMENT_LENGTH + 100}
						aria-invalid={errors.body ? true : undefined}
						aria-describedby={errors.body ? 'comment-body-error' : undefined}
						className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-900 dark:ring-slate-600"
					/>
					<FieldErrors id="comment-body-error" errors={errors.body ?? errors.offsetMs ?? errors.line} />
					<div className="flex items-center justify-between gap-2">
						{selectedLine ? (
							<Button variant="ghost" onClick={onClearLine} className="px-2 py-1 text-xs">
								Anchor to the moment only
							</Button>
						) : (
							<span className="text-xs text-slate-600 dark:text-slate-400">Select a line number to anchor it to a line.</span>
						)}
						<Button type="submit" variant="secondary" disabled={busy}>
							{busy ? 'Adding…' : 'Add comment'}
						</Button>
					</div>
				</Form>
			) : null}
		</Panel>
	)
}
