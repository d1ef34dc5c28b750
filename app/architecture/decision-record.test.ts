import { describe, expect, it } from 'vitest'
import { checkDecisionRecord, DecisionRecordDraftSchema, emptyDecisionRecord, type DecisionRecord } from './decision-record.ts'

const sentence = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

const complete: DecisionRecord = {
	context: sentence(15),
	options: [
		{ name: 'In-memory set', pros: 'Fast, simple.', cons: 'Lost on restart; not shared between servers.' },
		{ name: 'Claim row', pros: 'Shared, atomic.', cons: 'One more write per delivery.' },
	],
	decision: sentence(8),
	consequences: sentence(14),
	followUp: '',
}

describe('checkDecisionRecord', () => {
	it('accepts a complete stage 1 record without a follow-up', () => {
		expect(checkDecisionRecord(complete, 1)).toEqual({})
	})

	it('names every missing section of an empty record', () => {
		expect(checkDecisionRecord(emptyDecisionRecord(), 1)).toEqual({
			context: 'Write the context.',
			decision: 'Write the decision.',
			consequences: 'Write the expected consequences.',
			options: 'Weigh at least 2 real options, each with its pros and cons (none yet).',
		})
	})

	it('asks for more than a word or two', () => {
		expect(checkDecisionRecord({ ...complete, context: 'Duplicates happen.' }, 1)).toEqual({ context: 'Say more in “Context”: at least 12 words (it has 2).' })
	})

	it('needs two options, each with a name, pros and cons', () => {
		const oneAndAHalf = { ...complete, options: [complete.options[0]!, { name: 'Outbox', pros: '', cons: '' }] }
		expect(checkDecisionRecord(oneAndAHalf, 1)).toEqual({ 'options.1': 'Option 2 needs pros and cons.' })
		const one = { ...complete, options: [complete.options[0]!, { name: '', pros: '', cons: '' }] }
		expect(checkDecisionRecord(one, 1)).toEqual({ options: 'Weigh at least 2 real options, each with its pros and cons (one so far).' })
	})

	it('needs the follow-up for stage 2', () => {
		expect(checkDecisionRecord(complete, 2)).toEqual({ followUp: 'Write the follow-up, six months later.' })
		expect(checkDecisionRecord({ ...complete, followUp: sentence(20) }, 2)).toEqual({})
	})
})

describe('DecisionRecordDraftSchema', () => {
	it('takes an incomplete draft but not a huge one', () => {
		expect(DecisionRecordDraftSchema.safeParse(emptyDecisionRecord()).success).toBe(true)
		expect(DecisionRecordDraftSchema.safeParse({ ...complete, context: 'x'.repeat(5001) }).success).toBe(false)
		expect(DecisionRecordDraftSchema.safeParse({ ...complete, options: Array(7).fill(complete.options[0]) }).success).toBe(false)
		expect(DecisionRecordDraftSchema.safeParse({ ...complete, extra: 'x' }).success).toBe(false)
	})
})
