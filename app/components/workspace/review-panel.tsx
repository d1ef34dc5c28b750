// The lead's review of this attempt, as the learner reads it: the rubric levels with what
// each means, the summary, and comments that jump to the line they are about.
import type { LearnerReview } from '#app/models/review.server.ts'
import { levelDescriptor, RUBRIC_MAX_LEVEL } from '#app/reviews/rubric.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { cn } from '#app/components/ui/cn.ts'
import { formatClock } from '#app/utils/time-format.ts'

export function ReviewPanel({
	review,
	onOpenLocation,
	canOpen,
}: {
	review: LearnerReview
	onOpenLocation(file: string, line: number): void
	canOpen(file: string): boolean
}) {
	return (
		<div className="space-y-4 p-3 text-sm">
			<div>
				<p className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Reviewed by {review.reviewerName}</p>
				<p className="mt-1 text-2xl font-bold tabular-nums">{review.percent}%</p>
			</div>
			<ul className="space-y-2.5" aria-label="Rubric">
				{review.rubric.map((criterion) => {
					const level = review.scores[criterion.id] ?? 0
					return (
						<li key={criterion.id}>
							<p className="flex items-baseline justify-between gap-2 font-medium">
								<span>{criterion.title}</span>
								<span className="shrink-0 tabular-nums">
									{level} of {RUBRIC_MAX_LEVEL}
								</span>
							</p>
							<div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
								<div className="h-full bg-brand-600" style={{ width: `${(level / RUBRIC_MAX_LEVEL) * 100}%` }} />
							</div>
							<p className="mt-1 text-slate-700 dark:text-slate-300">{levelDescriptor(criterion, level)}</p>
							{level < RUBRIC_MAX_LEVEL ? (
								<p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">Next level: {levelDescriptor(criterion, level + 1)}</p>
							) : null}
						</li>
					)
				})}
			</ul>
			<div>
				<h3 className="font-semibold">Summary</h3>
				<p className="mt-1 break-words whitespace-pre-line">{review.summary}</p>
			</div>
			{review.comments.length ? (
				<div>
					<h3 className="font-semibold">Comments</h3>
					<ol className="mt-1 space-y-2">
						{review.comments.map((comment) => (
							<li key={comment.id} className="rounded-md bg-slate-50 px-2.5 py-2 dark:bg-slate-800/60">
								<p className="text-xs text-slate-600 dark:text-slate-400">
									{formatClock(comment.offsetMs)} into the attempt
									{comment.file ? (
										<>
											{' · '}
											{canOpen(comment.file) ? (
												<button type="button" className={cn('font-mono', linkClass)} onClick={() => onOpenLocation(comment.file!, comment.line ?? 1)}>
													{comment.file}
													{comment.line ? `:${comment.line}` : ''}
												</button>
											) : (
												<span className="font-mono">
													{comment.file}
													{comment.line ? `:${comment.line}` : ''}
												</span>
											)}
										</>
									) : null}
									{' · '}
									{comment.authorName}
								</p>
								<p className="mt-1 break-words whitespace-pre-line">{comment.body}</p>
							</li>
						))}
					</ol>
				</div>
			) : null}
		</div>
	)
}
