// The forms a lead fills in to assign practice and to change an assignment: one zod schema
// each, checked on the server. A due date is a calendar day; the work is due at the end of
// that day (UTC), so "today" is still allowed and yesterday is not.
import { z } from 'zod'
import { RECORD_ID_PATTERN } from '#app/utils/forms.ts'

const MAX_EXERCISES_PER_ASSIGNMENT = 20
const MAX_DAYS_AHEAD = 366
const DAY_MS = 86_400_000

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true')

/** The end of a YYYY-MM-DD day in UTC, or null when the text is not a real date. */
export function endOfDay(day: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
	const start = new Date(`${day}T00:00:00.000Z`)
	if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== day) return null
	return new Date(start.getTime() + DAY_MS - 1)
}

function dueDateField(now: Date) {
	return z
		.string({ error: 'Choose a due date.' })
		.trim()
		.min(1, 'Choose a due date.')
		.transform((day, context) => {
			const dueAt = endOfDay(day)
			if (!dueAt) {
				context.addIssue({ code: 'custom', message: 'Enter the due date as a date, e.g. 2026-12-24.' })
				return z.NEVER
			}
			if (dueAt.getTime() < now.getTime()) {
				context.addIssue({ code: 'custom', message: 'The due date is in the past. Choose today or a later day.' })
				return z.NEVER
			}
			if (dueAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * DAY_MS) {
				context.addIssue({ code: 'custom', message: 'Choose a due date within the next year.' })
				return z.NEVER
			}
			return dueAt
		})
}

const rules = { hintsAllowed: checkbox, pasteBlocked: checkbox, hardMode: checkbox }

export function newAssignmentSchema(now: Date) {
	return z
		.object({
			exercises: z.array(z.string().max(64)).max(MAX_EXERCISES_PER_ASSIGNMENT, `Assign at most ${MAX_EXERCISES_PER_ASSIGNMENT} exercises at once.`),
			set: z.string().max(100).optional().default(''),
			audience: z.enum(['team', 'members'], { error: 'Choose who it is for: the whole team or chosen members.' }),
			members: z.array(z.string().regex(RECORD_ID_PATTERN, 'Choose people from the list.')).max(500),
			dueDate: dueDateField(now),
			...rules,
			// After the warning that some people already have an exercise open: assign to them
			// anyway (only the pairs the lead was shown, `confirmed`), or leave them out.
			duplicates: z.enum(['assign', 'drop']).optional(),
			confirmed: z.array(z.string().max(200)).max(10_000),
		})
		.superRefine((form, context) => {
			if (form.exercises.length === 0 && !form.set)
				context.addIssue({ code: 'custom', path: ['exercises'], message: 'Choose at least one exercise or a ready-made set.' })
			if (form.audience === 'members' && form.members.length === 0)
				context.addIssue({ code: 'custom', path: ['members'], message: 'Choose at least one member, or assign it to the whole team.' })
		})
}

export function editAssignmentSchema(now: Date) {
	return z.object({ dueDate: dueDateField(now), ...rules })
}

/** The assignment page: save the changed due date and rules (which reopens a closed one), close it, or cancel it. */
export function assignmentPageSchema(now: Date) {
	return z.discriminatedUnion('intent', [
		editAssignmentSchema(now).extend({ intent: z.literal('update') }),
		z.object({ intent: z.literal('close') }),
		z.object({ intent: z.literal('cancel') }),
	])
}

/** The form's fields as the schema expects them (repeated fields become arrays). */
export function assignmentFormValues(formData: FormData) {
	const values: Record<string, unknown> = {}
	for (const [key, value] of formData) {
		if (key === 'exercises' || key === 'members' || key === 'confirmed') continue
		values[key] = typeof value === 'string' ? value : ''
	}
	values.exercises = formData.getAll('exercises').filter((value): value is string => typeof value === 'string')
	values.members = formData.getAll('members').filter((value): value is string => typeof value === 'string')
	values.confirmed = formData.getAll('confirmed').filter((value): value is string => typeof value === 'string')
	return values
}
