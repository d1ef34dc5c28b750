import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseIntentForm } from './forms.ts'

const form = (fields: Record<string, string>) => {
	const formData = new FormData()
	for (const [key, value] of Object.entries(fields)) formData.set(key, value)
	return formData
}

const PageFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('rename'), name: z.string().trim().min(2, 'Name it (at least 2 characters).') }),
	z.object({ intent: z.literal('archive') }),
])

describe('parseIntentForm', () => {
	it('gives the data of the form that was sent, told apart by its intent', () => {
		const parsed = parseIntentForm(form({ intent: 'rename', name: ' Checkout ' }), PageFormSchema)
		expect(parsed).toEqual({ ok: true, intent: 'rename', data: { intent: 'rename', name: 'Checkout' } })
	})

	it('says which form was sent when its fields are wrong, with the errors of that form only', () => {
		const parsed = parseIntentForm(form({ intent: 'rename', name: 'x' }), PageFormSchema)
		expect(parsed).toEqual({ ok: false, intent: 'rename', fieldErrors: { name: ['Name it (at least 2 characters).'] } })
	})

	it('answers null for an intent none of the forms has, or none at all', () => {
		const sent: Array<Record<string, string>> = [{ intent: 'delete-everything' }, {}]
		for (const fields of sent) {
			const parsed = parseIntentForm(form(fields), PageFormSchema)
			expect(parsed.ok).toBe(false)
			expect(parsed.intent).toBeNull()
		}
	})

	it('takes a form without an intent as the one whose intent has a default', () => {
		const WithDefault = z.discriminatedUnion('intent', [z.object({ intent: z.literal('start').default('start') }), z.object({ intent: z.literal('flag') })])
		expect(parseIntentForm(form({}), WithDefault)).toEqual({ ok: true, intent: 'start', data: { intent: 'start' } })
	})
})
