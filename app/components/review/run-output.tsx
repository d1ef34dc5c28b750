// The output of the run that was the last one at the replay's moment, loaded from the review's
// run route through a fetcher typed by that route's data() and kept once loaded.
import { useEffect, useRef, useState } from 'react'
import { useFetcher } from 'react-router'
import { shownRun, type RunRefusal, type RunView, type ShownRun } from '#app/attempts/run-view.ts'
import { OutputPanel } from '#app/components/workspace/output-panel.tsx'
import type { AttemptReviewView } from '#app/reviews/review-view.ts'

export function RunOutput({ attemptId, runId, runNumber, runs, onOpen, canOpen }: {
	attemptId: string
	runId: string | null
	runNumber: number | null
	runs: AttemptReviewView['runs']
	onOpen(file: string, line: number): void
	canOpen(file: string): boolean
}) {
	const fetcher = useFetcher<RunView | RunRefusal>()
	const cache = useRef(new Map<string, ShownRun>())
	const [shown, setShown] = useState<ShownRun | null>(null)
	useEffect(() => {
		if (!runId) return setShown(null)
		const cached = cache.current.get(runId)
		if (cached) return setShown(cached)
		fetcher.load(`/reviews/${attemptId}/runs/${runId}`)
		// fetcher is stable enough for this purpose; reloading on its identity would loop.
	}, [attemptId, runId]) // eslint-disable-line react-hooks/exhaustive-deps
	useEffect(() => {
		const loaded = fetcher.data
		if (!loaded || 'error' in loaded) return
		const summary = runs.find((run) => run.id === loaded.id)
		const run = shownRun(loaded, { prediction: summary?.prediction ?? null, predictionCorrect: loaded.predictionCorrect })
		cache.current.set(loaded.id, run)
		if (loaded.id === runId) setShown(run)
	}, [fetcher.data, runId, runs])
	return (
		<section aria-label="Run output" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
			<h2 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold dark:border-slate-800">
				{runNumber ? `Output of run ${runNumber} (the last run at this moment)` : 'Run output'}
			</h2>
			{!runId ? (
				<p className="p-3 text-sm text-slate-600 dark:text-slate-400">No run yet at this moment. Move the replay to a run, or pick one in the timeline.</p>
			) : fetcher.data && 'error' in fetcher.data ? (
				<p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">{fetcher.data.error}</p>
			) : (
				<OutputPanel run={shown?.id === runId ? shown : null} running={fetcher.state === 'loading'} error={null} onOpenLocation={onOpen} canOpen={canOpen} />
			)}
		</section>
	)
}
