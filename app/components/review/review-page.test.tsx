// @vitest-environment happy-dom
// A lead's replay of a finished attempt, rendered in a router stub whose run route answers as
// the real one does: scrubbing to a run shows that run's output and the code as it was then,
// and the journal reads as it did at that moment.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createRoutesStub, data } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { diffFiles } from '#app/attempts/code-history.ts'
import type { RunRefusal, RunView } from '#app/attempts/run-view.ts'
import type { AttemptReviewView } from '#app/reviews/review-view.ts'
import type { RunResult } from '#app/runner/protocol.ts'
import { ReviewPage } from './review-page.tsx'

const ATTEMPT_ID = 'cmattempt0000000000000001'
const RUN_ID = 'cmrun00000000000000000001'
const SRC = 'src/retry.ts'
const starter = { [SRC]: 'export const delay = () => 1000\n' }
const fixed = { [SRC]: 'export const delay = () => 1000 + Math.random() * 500\n' }
const START = Date.parse('2026-12-01T09:00:00.000Z')
const at = (seconds: number) => new Date(START + seconds * 1000).toISOString()

const runResult: RunResult = {
	version: 1,
	status: 'fail',
	tests: [{ name: 'spreads retries', file: 'tests/visible/retry.test.ts', status: 'fail', message: 'expected 1000 to be greater than 1000', durationMs: 3 }],
	console: '',
	timings: { queueMs: 0, compileMs: 4, runMs: 6 },
}

function reviewView(): AttemptReviewView {
	return {
		attempt: {
			id: ATTEMPT_ID,
			status: 'gave_up',
			startedAt: at(0),
			finishedAt: at(300),
			rules: { hintsAllowed: true, pasteBlocked: false, hardMode: true },
			integrity: { hintsRevealed: 0, outsidePastes: 0, outsidePasteChars: 0, blockedPastes: 0, largeInsertions: 0, focusLosses: 1, awayMs: 75_000 },
			learner: { id: 'cmuser000000000000000001', name: 'Ada Moreno', profile: true },
			assignment: null,
		},
		exercise: {
			slug: 'retry-storm',
			title: 'Retry storm',
			kind: 'debugging',
			versionNumber: 1,
			rubric: [{ id: 'method', title: 'Method', weight: 1, levels: ['none', 'some', 'fair', 'good', 'excellent'] }],
			reference: {
				category: 'async-race',
				locations: [{ file: SRC, startLine: 1, endLine: 1 }],
				explanation: 'Retries line up.',
				explanationHtml: '<p>Retries line up.</p>',
			},
		},
		starter,
		events: [
			{ position: 1, type: 'started', at: at(0), data: {} },
			{ position: 2, type: 'journal.add', at: at(60), data: { entryId: 'entry-1', kind: 'hypothesis', text: 'Every client waits exactly one second.' } },
			{
				position: 3,
				type: 'run',
				at: at(120),
				data: { runId: RUN_ID, number: 1, status: 'fail', passed: 0, failed: 1, predictionCorrect: null, changes: diffFiles(starter, fixed) },
			},
			{ position: 4, type: 'gave-up', at: at(300), data: {} },
		],
		runs: [{ id: RUN_ID, number: 1, status: 'fail', passed: 0, failed: 1, prediction: null, predictionCorrect: null, createdAt: at(120) }],
		submissions: [],
		stageSubmissions: [],
		review: null,
		comments: [],
		now: at(400),
		readOnly: false,
		queue: { search: '?waiting=3d', others: 4 },
		saved: null,
	}
}

afterEach(cleanup)

function renderReview(runLoader: () => ReturnType<typeof data<RunView | RunRefusal>>, change: (view: AttemptReviewView) => void = () => {}) {
	const view = reviewView()
	change(view)
	const Stub = createRoutesStub([
		{ path: '/reviews/:attemptId', Component: () => <ReviewPage data={view} /> },
		{ path: '/reviews/:attemptId/runs/:runId', loader: runLoader },
	])
	return render(<Stub initialEntries={[`/reviews/${ATTEMPT_ID}`]} />)
}

const runOutput = () => screen.getByRole('region', { name: 'Run output' })
const timeline = () => screen.getByRole('list', { name: 'Timeline' })

describe('the review page', () => {
	it('scrubs to a run: its output, the code as it was then, and the journal up to that moment', async () => {
		renderReview(() => data<RunView>({ id: RUN_ID, number: 1, result: runResult, predictionCorrect: null }))
		// The replay opens at the end, where run 1 is the last run.
		expect(await within(runOutput()).findByText('1 of 1 failed')).toBeTruthy()

		fireEvent.change(screen.getByLabelText('Replay position'), { target: { value: '0' } })
		expect(within(runOutput()).getByText(/No run yet at this moment/)).toBeTruthy()
		expect(screen.getByRole('heading', { name: 'Journal at 0:00' })).toBeTruthy()
		expect(screen.getByText('Nothing written yet at this moment.')).toBeTruthy()
		expect(within(screen.getByRole('region', { name: 'Code at this moment' })).queryByText(/Math\.random/)).toBeNull()

		fireEvent.click(within(timeline()).getByRole('button', { name: /Run 1: 1 failed/ }))
		expect(screen.getByRole('heading', { name: 'Output of run 1 (the last run at this moment)' })).toBeTruthy()
		expect(await within(runOutput()).findByText('1 of 1 failed')).toBeTruthy()
		expect(within(runOutput()).getByText('Run 1')).toBeTruthy()
		expect(within(screen.getByRole('region', { name: 'Code at this moment' })).getByText(/Math\.random/)).toBeTruthy()
		expect(screen.getByText('Every client waits exactly one second.')).toBeTruthy()
	})

	it('speaks of the learner’s prediction in the third person', async () => {
		renderReview(
			() => data<RunView>({ id: RUN_ID, number: 1, result: runResult, predictionCorrect: null }),
			(view) => {
				view.runs[0]!.prediction = { kind: 'text', text: 'the retry test fails with 3 calls' }
			},
		)
		expect(await within(runOutput()).findByText(/Their prediction/)).toBeTruthy()
		expect(within(runOutput()).queryByText(/Your prediction/)).toBeNull()
		expect(within(runOutput()).getByText('— not marked right or wrong')).toBeTruthy()
	})

	it('says why a run cannot be shown', async () => {
		renderReview(() => data<RunRefusal>({ error: 'This run does not exist.' }, { status: 404 }))
		expect(await within(runOutput()).findByRole('alert')).toHaveProperty('textContent', 'This run does not exist.')
	})

	it('offers to save and open the next attempt of the same queue, and links back to it and to the learner', () => {
		renderReview(() => data<RunView>({ id: RUN_ID, number: 1, result: runResult, predictionCorrect: null }))
		const next = screen.getByRole('button', { name: 'Save and open the next' })
		expect(next.getAttribute('name')).toBe('then')
		expect(next.getAttribute('value')).toBe('next')
		expect(screen.getByText('4 more attempts wait in this queue, with its filters.')).toBeTruthy()
		const form = next.closest('form')!
		expect((form.elements.namedItem('queue') as HTMLInputElement).value).toBe('?waiting=3d')
		expect(screen.getByRole('link', { name: '← Review queue' }).getAttribute('href')).toBe('/reviews?waiting=3d')
		expect(screen.getByRole('link', { name: 'Ada Moreno' }).getAttribute('href')).toBe('/people/cmuser000000000000000001')
	})

	it('shows an attempt in progress read-only: labelled, with no rubric, no comment form and no reference', async () => {
		renderReview(
			() => data<RunView>({ id: RUN_ID, number: 1, result: runResult, predictionCorrect: null }),
			(view) => {
				view.attempt.status = 'in_progress'
				view.attempt.finishedAt = null
				view.events = view.events.filter((event) => event.type !== 'gave-up')
				view.exercise.reference = null
				view.readOnly = true
				view.attempt.learner.profile = false
			},
		)
		expect(screen.getByRole('note', { name: 'In progress' }).textContent).toContain('In progress — read-only, the learner is still working.')
		expect(screen.queryByRole('button', { name: /Save/ })).toBeNull()
		expect(screen.queryByRole('button', { name: /comment/i })).toBeNull()
		expect(screen.queryByText('Reference root cause')).toBeNull()
		expect(screen.queryByText('Waiting for review')).toBeNull()
		expect(screen.getByText('No diagnosis submitted yet.')).toBeTruthy()
		// The replay so far still plays: the run and the journal.
		expect(await within(runOutput()).findByText('1 of 1 failed')).toBeTruthy()
		expect(screen.getByText('Every client waits exactly one second.')).toBeTruthy()
		// A name links only where the server said the viewer may open the profile.
		expect(screen.queryByRole('link', { name: 'Ada Moreno' })).toBeNull()
	})

	it('steps between marks and shows the time away as recorded', () => {
		renderReview(() => data<RunView>({ id: RUN_ID, number: 1, result: runResult, predictionCorrect: null }))
		expect(screen.getByText('1× · 1 min')).toBeTruthy()
		fireEvent.change(screen.getByLabelText('Replay position'), { target: { value: '0' } })
		fireEvent.click(screen.getByRole('button', { name: 'Next mark →' }))
		expect(screen.getByRole('heading', { name: 'Journal at 1:00' })).toBeTruthy()
	})
})
