// @vitest-environment happy-dom
// The journal's one length limit, as a learner meets it when pasting a long note.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_JOURNAL_TEXT } from '#app/attempts/events.ts'
import { JournalPanel } from './journal-panel.tsx'

afterEach(cleanup)

function renderJournal(props: Partial<Parameters<typeof JournalPanel>[0]> = {}) {
	const onAdd = vi.fn()
	render(
		<JournalPanel
			entries={[]}
			runs={[]}
			testNames={[]}
			plan={{ hypothesisId: null, prediction: null }}
			readOnly={false}
			onAdd={onAdd}
			onEdit={() => {}}
			onPlan={() => {}}
			onShowRun={() => {}}
			onMarkPrediction={() => {}}
			{...props}
		/>,
	)
	return { onAdd, box: screen.getByLabelText('New hypothesis') as HTMLTextAreaElement }
}

describe('journal entry length', () => {
	it('keeps a paste over the limit whole, counts it, and refuses it with what to do', () => {
		const { onAdd, box } = renderJournal()
		fireEvent.change(box, { target: { value: 'x'.repeat(MAX_JOURNAL_TEXT + 100) } })
		expect(box.value).toHaveLength(MAX_JOURNAL_TEXT + 100)
		expect(screen.getByText(/2,100 \/ 2,000 characters · 100 too many/)).toBeTruthy()
		fireEvent.click(screen.getByRole('button', { name: 'Add hypothesis' }))
		expect(onAdd).not.toHaveBeenCalled()
		expect(screen.getByText(/at most 2,000 characters; this one has 2,100\. Shorten it/)).toBeTruthy()
		expect(box.value).toHaveLength(MAX_JOURNAL_TEXT + 100)
	})

	it('adds an entry of exactly the limit', () => {
		const { onAdd, box } = renderJournal()
		fireEvent.change(box, { target: { value: 'y'.repeat(MAX_JOURNAL_TEXT) } })
		expect(screen.getByText('2,000 / 2,000 characters')).toBeTruthy()
		fireEvent.click(screen.getByRole('button', { name: 'Add hypothesis' }))
		expect(onAdd).toHaveBeenCalledWith('hypothesis', 'y'.repeat(MAX_JOURNAL_TEXT))
	})
})

describe('a prediction about a test', () => {
	it('spells out the whole name of the test picked, however long', () => {
		const name = 'daily finance export › totals the same amount as the orders of that day, refunds and partial captures included'
		renderJournal({ testNames: ['short test', name], plan: { hypothesisId: null, prediction: { kind: 'test', test: name, outcome: 'fail' } } })
		expect(screen.getByText(`Predicting: “${name}” will fail`)).toBeTruthy()
	})
})

describe('how sure the learner is', () => {
	it('asks for a confidence once there is a prediction, proposes 70 % and keeps the choice', () => {
		const onPlan = vi.fn()
		const prediction = { kind: 'test' as const, test: 'adds tax', outcome: 'fail' as const }
		renderJournal({ testNames: ['adds tax'], plan: { hypothesisId: null, prediction }, onPlan })
		expect((screen.getByRole('radio', { name: '70 %' }) as HTMLInputElement).checked).toBe(true)
		fireEvent.click(screen.getByRole('radio', { name: '90 %' }))
		expect(onPlan).toHaveBeenLastCalledWith({ hypothesisId: null, prediction: { ...prediction, confidence: 90 } })
	})

	it('asks nothing while there is no prediction', () => {
		renderJournal()
		expect(screen.queryByRole('group', { name: 'How sure are you?' })).toBeNull()
	})
})
