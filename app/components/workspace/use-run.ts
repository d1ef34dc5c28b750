// Running the visible tests from the workspace, and showing an earlier run. These requests use
// fetch, not a fetcher: a fetcher's network failure replaces the page with the route's error
// boundary and its action revalidates every loader, while a learner on flaky Wi-Fi must keep
// the page and read "are you offline?". Both answers are typed by the runs route's data().
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { useRevalidator } from 'react-router'
import { shownRun, type RecordedRun, type RunRefusal, type RunView, type ShownRun } from '#app/attempts/run-view.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import { DEFAULT_LIMITS } from '#app/runner/protocol.ts'
import type { NextRunPlan, RunSummary } from './journal-panel.tsx'
import type { Outbox } from './outbox.ts'
import type { RecordEvent } from './use-outbox.ts'
import { sourceBytes } from '#app/runner/source-size.ts'

export function useRun({
	view,
	finished,
	filesRef,
	outboxRef,
	record,
	onStored,
	onPredictionMissing,
}: {
	view: Pick<WorkspaceView, 'attempt' | 'runs' | 'latestRun' | 'architecture'>
	finished: boolean
	filesRef: RefObject<Record<string, string>>
	outboxRef: RefObject<Outbox | null>
	record: RecordEvent
	/** The run stored the code it ran. */
	onStored(): void
	/** The learner chose a free-text prediction and left it empty. */
	onPredictionMissing(): void
}) {
	const attemptId = view.attempt.id
	const architecture = view.architecture
	const [runs, setRuns] = useState<RunSummary[]>(view.runs)
	const [shown, setShown] = useState<ShownRun | null>(
		view.latestRun
			? shownRun(
					view.latestRun,
					view.runs.find((run) => run.id === view.latestRun?.id),
				)
			: null,
	)
	const [running, setRunning] = useState(false)
	const runningRef = useRef(false)
	const [error, setError] = useState<string | null>(null)
	const [plan, setPlan] = useState<NextRunPlan>({ hypothesisId: null, prediction: null })
	const revalidator = useRevalidator()

	const run = useCallback(async () => {
		if (runningRef.current || finished) return
		runningRef.current = true
		setRunning(true)
		setError(null)
		try {
			const bytes = sourceBytes(filesRef.current)
			if (bytes > DEFAULT_LIMITS.sourceBytes) {
				setError(
					`Your code is ${Math.ceil(bytes / 1024)} KB; the sandbox accepts at most ${DEFAULT_LIMITS.sourceBytes / 1024} KB. Remove what you added (a pasted data set, a long comment) and run again.`,
				)
				return
			}
			if (plan.prediction?.kind === 'text' && !plan.prediction.text.trim()) {
				setError('Write your prediction, or choose “no prediction”, before running.')
				onPredictionMissing()
				return
			}
			// The hypothesis this run tests must be on the server before the run names it.
			if (plan.hypothesisId) await outboxRef.current?.flush()
			const response = await fetch(`/attempts/${attemptId}/runs`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({
					files: filesRef.current,
					hypothesisId: plan.hypothesisId,
					prediction: plan.prediction,
					...(architecture ? { stage: architecture.stage } : {}),
				}),
			})
			// 409: the attempt ended, or moved to stage 2, elsewhere. Nothing ran; the page shows it as it is now.
			if (response.status === 409) {
				void revalidator.revalidate()
				return
			}
			const body = await readJson<RecordedRun | RunRefusal>(response)
			if (!response.ok || !body || 'error' in body) {
				setError(
					(body && 'error' in body ? body.error : null) ??
						`The run could not be started (the server answered ${response.status}). Your code is saved; try again in a moment.`,
				)
				return
			}
			const summary: RunSummary = {
				id: body.id,
				number: body.number,
				status: body.result.status,
				passed: body.passed,
				failed: body.failed,
				hypothesisId: body.hypothesisId,
				prediction: body.prediction,
				predictionCorrect: body.predictionCorrect,
			}
			setRuns((current) => [summary, ...current])
			setShown(shownRun(body, summary))
			setPlan((current) => ({ ...current, prediction: null }))
			onStored()
		} catch {
			setError('The run did not reach the server (are you offline?). Your code is kept in this browser; run again when the connection is back.')
		} finally {
			runningRef.current = false
			setRunning(false)
		}
		// The callbacks are the workspace's own and stable in effect; `plan` and the attempt are what matter.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [attemptId, finished, plan, architecture])

	// Ctrl/Cmd+Enter runs from anywhere but a text box (where it adds the journal entry).
	useEffect(() => {
		const onKey = (event: KeyboardEvent) => {
			if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
			const target = event.target as HTMLElement | null
			if (target?.closest('.monaco-editor')) return
			if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT')) return
			event.preventDefault()
			void run()
		}
		window.addEventListener('keydown', onKey)
		return () => window.removeEventListener('keydown', onKey)
	}, [run])

	const showRun = useCallback(
		async (runId: string) => {
			const response = await fetch(`/attempts/${attemptId}/runs?run=${encodeURIComponent(runId)}`, { headers: { Accept: 'application/json' } })
			const body = await readJson<RunView | RunRefusal>(response)
			if (response.ok && body && !('error' in body))
				setShown(
					shownRun(
						body,
						runs.find((candidate) => candidate.id === body.id),
					),
				)
		},
		[attemptId, runs],
	)

	return {
		runs,
		shown,
		running,
		error,
		plan,
		setPlan,
		run,
		showRun,
		markPrediction(runId: string, correct: boolean) {
			record('prediction.mark', { runId, correct })
			setRuns((current) => current.map((candidate) => (candidate.id === runId ? { ...candidate, predictionCorrect: correct } : candidate)))
		},
	}
}

/** The JSON one of our routes answered with, typed as its data() declares it; null when the body is not JSON. */
async function readJson<Body>(response: Response): Promise<Body | null> {
	return response.json().catch(() => null)
}
