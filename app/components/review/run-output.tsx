// The output of the run that was the last one at the replay's moment, loaded from the review's
// run route through a fetcher typed by that route's data() and kept once loaded.
import { useEffect, useState } from 'react'
import { useFetcher } from 'react-router'
import { shownRun, type RunRefusal, type RunView } from '#app/attempts/run-view.ts'
import { OutputPanel } from '#app/components/workspace/output-panel.tsx'
import type { AttemptReviewView } from '#app/reviews/review-view.ts'

export function RunOutput({
	attemptId,
	runId,
	runNumber,
	runs,
	onOpen,
	canOpen,
}: {
	attemptId: string
	runId: string | null
	runNumber: number | null
	runs: AttemptReviewView['runs']
	onOpen(file: string, line: number): void
	canOpen(file: string): boolean
}) {
	const fetcher = useFetcher<RunView | RunRefusal>()
	// Runs loaded so far, by id: scrubbing back to one shows it without asking again.
	const [loaded, setLoaded] = useState<Record<string, RunView>>({})
	const answer = fetcher.data
	if (answer && !('error' in answer) && loaded[answer.id] !== answer) setLoaded({ ...loaded, [answer.id]: answer })
	useEffect(() => {
		if (runId && !loaded[runId]) fetcher.load(`/reviews/${attemptId}/runs/${runId}`)
		// fetcher is stable enough for this purpose; reloading on its identity would loop.
	}, [attemptId, runId, loaded]) // eslint-disable-line react-hooks/exhaustive-deps
	const view = runId ? loaded[runId] : undefined
	const summary = view ? runs.find((run) => run.id === view.id) : undefined
	const shown = view ? shownRun(view, { prediction: summary?.prediction ?? null, predictionCorrect: view.predictionCorrect }) : null
	return (
		<section aria-label="Run output" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<h2 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold dark:border-slate-800">
				{runNumber ? `Output of run ${runNumber} (the last run at this moment)` : 'Run output'}
			</h2>
			{!runId ? (
				<p className="p-3 text-sm text-slate-600 dark:text-slate-400">No run yet at this moment. Move the replay to a run, or pick one in the timeline.</p>
			) : fetcher.data && 'error' in fetcher.data ? (
				<p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">
					{fetcher.data.error}
				</p>
			) : (
				<OutputPanel run={shown} running={fetcher.state === 'loading'} error={null} onOpenLocation={onOpen} canOpen={canOpen} reader="reviewer" />
			)}
		</section>
	)
}
