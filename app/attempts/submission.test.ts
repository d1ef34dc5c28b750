import { describe, expect, it } from 'vitest'
import { countSentences, DiagnosisSchema } from './submission.ts'

const valid = {
	file: 'src/orders/paginate.ts',
	startLine: '12',
	endLine: '14',
	category: 'boundary',
	explanation: 'The cursor points at the last row of the page, and the next query starts after it plus one. So one order between two pages is never shown.',
	attested: 'on',
	files: '{"src/orders/paginate.ts":"x"}',
}

describe('the diagnosis form', () => {
	it('accepts a complete diagnosis and turns line numbers into numbers', () => {
		const parsed = DiagnosisSchema.safeParse(valid)
		expect(parsed.success && parsed.data.startLine).toBe(12)
	})
	it.each([
		['no location', { file: undefined }, 'file'],
		['a location outside src/', { file: 'tests/hidden/a.test.ts' }, 'file'],
		['a reversed range', { startLine: '14', endLine: '12' }, 'endLine'],
		['an unknown category', { category: 'cosmic-rays' }, 'category'],
		['a one-sentence explanation', { explanation: 'It is the cursor, which is off by one row on every page boundary.' }, 'explanation'],
		['a short explanation', { explanation: 'Off by one. Fixed it.' }, 'explanation'],
		['no attestation', { attested: undefined }, 'attested'],
	])('refuses %s with a message on the field', (_what, change, field) => {
		const parsed = DiagnosisSchema.safeParse({ ...valid, ...change })
		expect(parsed.success).toBe(false)
		expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(field)
	})
	it('counts sentences of three words or more', () => {
		expect(countSentences('Oops. The cursor skips the first row of every page. Fixed it.')).toBe(1)
		expect(countSentences('The cursor is wrong. It skips a row on every page.')).toBe(2)
	})
})
