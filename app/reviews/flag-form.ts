// Flags on an exercise: a learner raises one from the exercise page (whose other button starts
// an attempt); a lead marks it handled from the review page.
import { z } from 'zod'
import { hasStrayControlCharacters, RECORD_ID_PATTERN, recordIdField } from '#app/utils/forms.ts'
import { FLAG_REASONS } from './flags.ts'

export const ExercisePageFormSchema = z.discriminatedUnion('intent', [
	// Start is the page's main button; a form without an intent starts an attempt too.
	z.object({ intent: z.literal('start').default('start') }),
	z.object({
		intent: z.literal('flag'),
		reason: z.enum(FLAG_REASONS, { error: 'Choose what is wrong: broken, ambiguous or too easy.' }),
		comment: z
			.string({ error: 'Say what you saw, so the authors can fix it.' })
			.trim()
			.min(10, 'Say what you saw in a sentence or two, so the authors can fix it.')
			.max(2000, 'Keep the report under 2000 characters.')
			.refine((text) => !hasStrayControlCharacters(text), 'Remove the control characters from the report.'),
		attemptId: z.string().regex(RECORD_ID_PATTERN).optional().or(z.literal('')),
	}),
])

export const ResolveFlagSchema = z.object({ intent: z.literal('resolve-flag'), flagId: recordIdField('Choose a flag.') })
