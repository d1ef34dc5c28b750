// @vitest-environment happy-dom
// The workspace as a learner meets it, rendered in a router stub: Run shows the result, a run
// that never reached the server says so, and time away appears on the "Recorded" tab. The
// server is a stubbed fetch; Monaco (client-only, lazy) is replaced by a plain text box.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createRoutesStub } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RecordedRun } from '#app/attempts/run-view.ts'
import type { WorkspaceView } from '#app/attempts/workspace-view.ts'
import type { RunResult } from '#app/runner/protocol.ts'
import type { CodeEditorProps } from './code-editor-types.ts'
import { Workspace } from './workspace.tsx'

vi.mock('./code-editor.client.tsx', () => ({
	default: ({ files, activePath, onChange, ariaLabel }: CodeEditorProps) => (
		<textarea
			aria-label={ariaLabel}
			value={files.find((file) => file.path === activePath)?.text ?? ''}
			onChange={(event) => onChange(activePath, event.currentTarget.value)}
		/>
	),
}))

const ATTEMPT_ID = 'cmattempt0000000000000001'
const SRC = 'src/retry.ts'
const TEST = 'tests/visible/retry.test.ts'

function workspaceView(overrides: Partial<WorkspaceView> = {}): WorkspaceView {
	return {
		attempt: {
			id: ATTEMPT_ID,
			status: 'in_progress',
			rules: { hintsAllowed: true, pasteBlocked: false, hardMode: true },
			assignment: null,
			startedAt: '2026-12-01T09:00:00.000Z',
			finishedAt: null,
			draftSeq: 0,
			integrity: { outsidePastes: 0, outsidePasteChars: 0, blockedPastes: 0, largeInsertions: 0, focusLosses: 0, awayMs: 0 },
			newerVersionExists: false,
		},
		exercise: {
			slug: 'retry-storm',
			title: 'Retry storm',
			summary: 'Clients retry in lockstep.',
			topics: ['async'],
			difficulty: 1200,
			language: 'typescript',
			estimatedMinutes: 30,
			versionNumber: 1,
			briefHtml: '<p>Every client retries at the same moment.</p>',
		},
		files: {
			src: { [SRC]: 'export const delay = () => 1000\n' },
			starter: { [SRC]: 'export const delay = () => 1000\n' },
			tests: { [TEST]: "test('spreads retries', () => {})\n" },
		},
		testNames: ['spreads retries'],
		journal: [],
		runs: [],
		latestRun: null,
		hints: { allowed: true, revealed: [], next: null, fading: null },
		submissions: [],
		architecture: null,
		reference: null,
		review: null,
		rating: null,
		nextStep: null,
		referenceDesign: null,
		attestation: 'not-applicable',
		retentionCheck: null,
		now: '2026-12-01T09:10:00.000Z',
		...overrides,
	}
}

const failingResult: RunResult = {
	version: 1,
	status: 'fail',
	tests: [
		{
			name: 'spreads retries',
			file: TEST,
			status: 'fail',
			message: 'expected 1000 to be greater than 1000',
			expected: '> 1000',
			actual: '1000',
			durationMs: 3,
		},
		{ name: 'gives up after five tries', file: TEST, status: 'pass', durationMs: 1 },
	],
	console: '',
	timings: { queueMs: 0, compileMs: 4, runMs: 6 },
}

const recordedRun: RecordedRun = {
	id: 'cmrun00000000000000000001',
	number: 1,
	result: failingResult,
	predictionCorrect: null,
	passed: 1,
	failed: 1,
	hypothesisId: null,
	prediction: null,
}

type Answer = { status: number; body: unknown } | 'offline'
let runAnswer: Answer
const requests: Array<{ url: string; body: unknown }> = []

beforeEach(() => {
	runAnswer = { status: 200, body: recordedRun }
	requests.length = 0
	localStorage.clear()
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string, init?: RequestInit) => {
			requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null })
			if (url === `/attempts/${ATTEMPT_ID}/events`) return Response.json({ accepted: 1, duplicates: 0, draftSeq: 1 })
			if (url === `/attempts/${ATTEMPT_ID}/runs`) {
				if (runAnswer === 'offline') throw new TypeError('Failed to fetch')
				return Response.json(runAnswer.body, { status: runAnswer.status })
			}
			return new Response('not found', { status: 404 })
		}),
	)
})

afterEach(() => {
	cleanup()
	vi.unstubAllGlobals()
})

function renderWorkspace(view = workspaceView()) {
	const Stub = createRoutesStub([{ path: '/attempts/:attemptId', Component: () => <Workspace data={view} /> }])
	return render(<Stub initialEntries={[`/attempts/${ATTEMPT_ID}`]} />)
}

const runButton = () => screen.getByRole('button', { name: /^Run/ })
const output = () => screen.getByRole('region', { name: 'Run output' })

describe('the workspace', () => {
	it('runs the code in the editor and shows the result, counting the run', async () => {
		renderWorkspace()
		const editor = await screen.findByRole('textbox', { name: `Code editor: ${SRC}` })
		fireEvent.change(editor, { target: { value: 'export const delay = () => 1000 + Math.random() * 500\n' } })
		expect(within(output()).getByText(/No runs yet/)).toBeTruthy()

		fireEvent.click(runButton())

		expect(await within(output()).findByText('Run 1')).toBeTruthy()
		expect(within(output()).getByText('1 of 2 failed')).toBeTruthy()
		expect(screen.getByText(/· 1 run ·/)).toBeTruthy()
		const sent = requests.find((request) => request.url.endsWith('/runs'))?.body as { files: Record<string, string> }
		expect(sent.files[SRC]).toContain('Math.random()')
	})

	it('says the run did not reach the server when the connection is gone, and keeps the run count', async () => {
		runAnswer = 'offline'
		renderWorkspace()
		fireEvent.click(runButton())
		expect(await within(output()).findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/did not reach the server \(are you offline\?\)/))
		expect(screen.getByText(/· 0 runs ·/)).toBeTruthy()
	})

	it('shows the server’s reason when it refuses a run', async () => {
		runAnswer = { status: 429, body: { error: 'That is a lot of runs in one minute. Wait 20 s before the next one.' } }
		renderWorkspace()
		fireEvent.click(runButton())
		expect(await within(output()).findByText(/Wait 20 s before the next one/)).toBeTruthy()
	})

	it('shows the latest run on opening, and a finished attempt cannot run again', async () => {
		renderWorkspace(
			workspaceView({
				attempt: { ...workspaceView().attempt, status: 'gave_up', finishedAt: '2026-12-01T09:30:00.000Z' },
				runs: [
					{
						id: recordedRun.id,
						number: 1,
						status: 'fail',
						passed: 1,
						failed: 1,
						hypothesisId: null,
						prediction: { kind: 'test', test: 'spreads retries', outcome: 'pass' },
						predictionCorrect: false,
						createdAt: '2026-12-01T09:05:00.000Z',
					},
				],
				latestRun: { id: recordedRun.id, number: 1, result: failingResult },
			}),
		)
		expect(within(output()).getByText('Run 1')).toBeTruthy()
		expect(within(output()).getByText(/“spreads retries” will pass/)).toBeTruthy()
		// A finished attempt offers where to go next instead of Run.
		expect(screen.queryByRole('button', { name: /^Run/ })).toBeNull()
		expect(screen.getByText('Attempt finished · read-only')).toBeTruthy()
	})

	it('records time away from the window and shows it on the Recorded tab', async () => {
		vi.useFakeTimers({ toFake: ['Date'] })
		try {
			renderWorkspace()
			act(() => void window.dispatchEvent(new Event('blur')))
			vi.setSystemTime(Date.now() + 75_000)
			act(() => void window.dispatchEvent(new Event('focus')))
		} finally {
			vi.useRealTimers()
		}
		fireEvent.click(screen.getByRole('tab', { name: 'Recorded' }))
		expect(screen.getByText('1 time, 1 min 15 s in all')).toBeTruthy()
		const sent = JSON.parse(localStorage.getItem(`hardmode:attempt:${ATTEMPT_ID}:outbox`) ?? '[]') as unknown
		expect(JSON.stringify(sent)).toContain('focus.regained')
	})
})
