import { describe, expect, it } from 'vitest'
import { assignmentFormValues, editAssignmentSchema, endOfDay, newAssignmentSchema } from './assignment-form.ts'

const now = new Date('2026-12-01T15:00:00Z')

function form(fields: Array<[string, string]>) {
	const data = new FormData()
	for (const [key, value] of fields) data.append(key, value)
	return assignmentFormValues(data)
}

describe('new assignment form', () => {
	it('reads several exercises, chosen members, the due day and the rules', () => {
		const parsed = newAssignmentSchema(now).parse(
			form([
				['exercises', 'a'],
				['exercises', 'b'],
				['audience', 'members'],
				['members', 'u1'],
				['dueDate', '2026-12-08'],
				['pasteBlocked', 'on'],
			]),
		)
		expect(parsed).toMatchObject({ exercises: ['a', 'b'], audience: 'members', members: ['u1'], hintsAllowed: false, pasteBlocked: true, hardMode: false })
		expect(parsed.dueDate.toISOString()).toBe('2026-12-08T23:59:59.999Z')
	})

	it('allows today and refuses a day in the past', () => {
		expect(
			newAssignmentSchema(now).safeParse(
				form([
					['exercises', 'a'],
					['audience', 'team'],
					['dueDate', '2026-12-01'],
				]),
			).success,
		).toBe(true)
		const past = newAssignmentSchema(now).safeParse(
			form([
				['exercises', 'a'],
				['audience', 'team'],
				['dueDate', '2026-11-30'],
			]),
		)
		expect(past.success).toBe(false)
		expect(past.error?.issues[0]).toMatchObject({ path: ['dueDate'], message: 'The due date is in the past. Choose today or a later day.' })
	})

	it('needs an exercise or a set, and members when it is not for the whole team', () => {
		const result = newAssignmentSchema(now).safeParse(
			form([
				['audience', 'members'],
				['dueDate', '2026-12-08'],
			]),
		)
		expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['exercises', 'members'])
	})

	it('refuses dates that are not dates', () => {
		for (const dueDate of ['2026-02-30', 'tomorrow', '', '2026-12-08T00:00', '9999-12-31']) {
			expect(
				newAssignmentSchema(now).safeParse(
					form([
						['exercises', 'a'],
						['audience', 'team'],
						['dueDate', dueDate],
					]),
				).success,
				dueDate,
			).toBe(false)
		}
	})

	it('refuses member ids that cannot name a person', () => {
		expect(
			newAssignmentSchema(now).safeParse(
				form([
					['exercises', 'a'],
					['audience', 'members'],
					['members', 'x\u0000'],
					['dueDate', '2026-12-08'],
				]),
			).success,
		).toBe(false)
	})
})

describe('edit form and days', () => {
	it('takes a new due date and rules', () => {
		expect(editAssignmentSchema(now).parse({ dueDate: '2026-12-20', hintsAllowed: 'on' })).toMatchObject({
			hintsAllowed: true,
			pasteBlocked: false,
			hardMode: false,
		})
	})

	it('knows real calendar days', () => {
		expect(endOfDay('2028-02-29')?.toISOString()).toBe('2028-02-29T23:59:59.999Z')
		expect(endOfDay('2027-02-29')).toBeNull()
	})
})
