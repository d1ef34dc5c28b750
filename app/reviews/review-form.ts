// The review page's two forms (the rubric score and a comment), checked on the server. The
// rubric's levels depend on the exercise, so `checkRubricScores` checks them beside the summary.
import { z } from 'zod'
import { hasStrayControlCharacters } from '#app/utils/forms.ts'

export const MAX_SUMMARY_LENGTH = 5000
export const MAX_COMMENT_LENGTH = 2000
// Longer than any attempt can run (a day); an anchor past it cannot name a moment.
const MAX_OFFSET_MS = 7 * 86_400_000

const ReviewSummarySchema = z.object({
	intent: z.literal('score'),
	summary: z
		.string({ error: 'Write a short summary for the engineer.' })
		.trim()
		.min(1, 'Write a short summary for the engineer: what was strong, and what to practise next.')
		.max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`)
		.refine((text) => !hasStrayControlCharacters(text), 'Remove the control characters from the summary.'),
	baseVersion: z.coerce.number({ error: 'Reload the page and score again.' }).int().min(0).max(1_000_000),
	// "Save and open the next" sends `then=next` and the queue's filters as a query string, read
	// again with the queue's own schema; anything else just saves.
	then: z.literal('next').optional().catch(undefined),
	queue: z.string().max(2000).optional().catch(undefined),
})

const ReviewCommentSchema = z.object({
	intent: z.literal('comment'),
	body: z
		.string({ error: 'Write the comment first.' })
		.trim()
		.min(1, 'Write the comment first.')
		.max(MAX_COMMENT_LENGTH, `Keep a comment under ${MAX_COMMENT_LENGTH} characters.`)
		.refine((text) => !hasStrayControlCharacters(text), 'Remove the control characters from the comment.'),
	offsetMs: z.coerce.number({ error: 'Pick a moment on the timeline.' }).int().min(0).max(MAX_OFFSET_MS),
	file: z
		.string()
		.max(300)
		.optional()
		.transform((value) => (value ? value : null)),
	line: z
		.union([z.literal(''), z.coerce.number().int().min(1).max(100_000)])
		.optional()
		.transform((value) => (typeof value === 'number' ? value : null)),
})

export const ReviewFormSchema = z.discriminatedUnion('intent', [ReviewSummarySchema, ReviewCommentSchema])
