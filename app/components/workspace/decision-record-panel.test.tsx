// @vitest-environment happy-dom
// The decision record as the learner meets it before and after stage 1 is handed in.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DecisionRecord } from '#app/architecture/decision-record.ts'
import { DecisionRecordPanel } from './decision-record-panel.tsx'

afterEach(cleanup)

const record: DecisionRecord = {
	context: 'The solver pool serves forty requests a second for everyone.',
	options: [
		{ name: 'Fixed window', pros: 'One counter per key.', cons: 'A minute can arrive in a second.' },
		{ name: 'Token bucket', pros: 'Allows the burst and no more.', cons: 'Per node unless shared.' },
	],
	decision: 'A token bucket per key in Redis.',
	consequences: 'One Redis command per request.',
	followUp: '',
}

function renderPanel(props: Partial<Parameters<typeof DecisionRecordPanel>[0]>) {
	const onChange = vi.fn()
	render(
		<DecisionRecordPanel
			record={record}
			stage={1}
			readOnly={false}
			errors={{}}
			guidance={null}
			prompts={{}}
			title="Decision record"
			onChange={onChange}
			{...props}
		/>,
	)
	return { onChange }
}

describe('the decision record', () => {
	it('is a form to write in during stage 1', () => {
		renderPanel({ stage: 1 })
		expect((screen.getByRole('textbox', { name: 'Context' }) as HTMLTextAreaElement).value).toBe(record.context)
		expect(screen.queryByRole('region', { name: 'Stage 1 decision record, read-only' })).toBeNull()
	})

	it('shows stage 1’s sections as read-only text in stage 2, with only the follow-up to write', () => {
		const { onChange } = renderPanel({ stage: 2 })
		const handedIn = screen.getByRole('region', { name: 'Stage 1 decision record, read-only' })
		expect(handedIn.textContent).toContain(record.context)
		expect(handedIn.textContent).toContain('Option 2: Token bucket')
		expect(within(handedIn).queryAllByRole('textbox')).toHaveLength(0)
		for (const name of ['Context', 'Decision', 'Expected consequences']) expect(screen.queryByRole('textbox', { name })).toBeNull()
		const followUp = screen.getByRole('textbox', { name: 'Follow-up, six months later' })
		fireEvent.change(followUp, { target: { value: 'Per-node buckets broke with three gateways.' } })
		expect(onChange).toHaveBeenCalledWith({ ...record, followUp: 'Per-node buckets broke with three gateways.' })
	})

	it('has nothing to type in once the attempt has ended', () => {
		renderPanel({ stage: 2, readOnly: true, record: { ...record, followUp: 'It held.' } })
		expect(screen.queryAllByRole('textbox')).toHaveLength(0)
		expect(screen.getByText('The attempt has ended; the decision record is read-only.')).toBeTruthy()
		expect(screen.getByText('It held.')).toBeTruthy()
	})
})
