// A lead's note on an engineer (ADR 010): the form on the growth report, and the date a note
// written for a report period is given (ADR 022). addGrowthNote refuses an empty or overlong
// note for its other callers too, with these same messages.
import { z } from 'zod'
import { hasStrayControlCharacters } from '#app/utils/forms.ts'

export const MAX_NOTE_CHARS = 4000

export const EMPTY_NOTE_MESSAGE = 'Write the note before saving it.'

export function noteTooLongMessage(length: number) {
	return `Keep a note to ${MAX_NOTE_CHARS.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}.`
}

export const GrowthNoteSchema = z.object({
	body: z
		.string({ error: EMPTY_NOTE_MESSAGE })
		.trim()
		.min(1, EMPTY_NOTE_MESSAGE)
		.max(MAX_NOTE_CHARS, { error: (issue) => noteTooLongMessage(String(issue.input).length) })
		.refine((body) => !hasStrayControlCharacters(body), 'Remove the control characters from the note (line breaks and tabs are fine).'),
})

/**
 * The moment a note written at `now` for the report period [from, to) is dated to, so it shows
 * in that period's report: now while the period lasts, else the period's nearest end (its last
 * moment for a period that is over). The day it was really written is kept beside it.
 */
export function noteDatedAt(period: { from: Date; to: Date }, now: Date): Date {
	if (now < period.from) return period.from
	if (now >= period.to) return new Date(period.to.getTime() - 1)
	return now
}
