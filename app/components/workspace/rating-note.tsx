// What a finished attempt did to the learner's ratings, sentence by sentence: the change
// must be explainable, never a bare number.
import { Link } from 'react-router'
import type { RatingExplanation } from '#app/models/growth/rating-explanation.server.ts'
import { linkClass } from '#app/components/ui/link-style.ts'
import { PROVISIONAL_RD } from '#app/growth/rating-display.ts'

export function RatingNote({ rating }: { rating: RatingExplanation | null }) {
	if (!rating || rating.status === 'unfinished') return null
	const provisional = rating.status === 'rated' && rating.changes.some((change) => change.shown.kind === 'provisional')
	return (
		<section aria-label="Rating" className="mx-3 mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
			<h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Rating</h2>
			{rating.status === 'retry' ? (
				<p className="mt-1">
					{rating.message}
					{rating.firstAttemptId ? (
						<>
							{' '}
							<Link to={`/attempts/${rating.firstAttemptId}`} className={linkClass}>
								Your rated attempt
							</Link>
						</>
					) : null}
				</p>
			) : (
				<ul className="mt-1 space-y-1">
					{rating.changes.map((change) => (
						<li key={change.topic}>
							<span className="sr-only">{change.label}: </span>
							{change.sentence.charAt(0).toUpperCase() + change.sentence.slice(1)}.
							{change.shown.kind === 'settled' ? (
								<span className="text-slate-600 dark:text-slate-400">
									{' '}
									({Math.round(change.before)} → {Math.round(change.after)})
								</span>
							) : null}
						</li>
					))}
				</ul>
			)}
			{provisional ? (
				<p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
					A provisional rating moves a lot over the first few attempts in a topic; it settles once it is sure to within ± {PROVISIONAL_RD}.
				</p>
			) : null}
		</section>
	)
}
