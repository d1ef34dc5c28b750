import { z } from 'zod'

export type FieldErrors = Record<string, string[] | undefined>
export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors }

/** Validates a submitted form against one zod schema; errors come back per field. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
	const values: Record<string, FormDataEntryValue> = {}
	for (const [key, value] of formData) values[key] = value
	const result = schema.safeParse(values)
	if (result.success) return { ok: true, data: result.data }
	const fieldErrors: FieldErrors = {}
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form')
		;(fieldErrors[key] ??= []).push(issue.message)
	}
	return { ok: false, fieldErrors }
}

export const emailField = z
	.string({ error: 'Enter your e-mail address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter your e-mail address.')
	.max(254, 'That e-mail address is too long.')
	.pipe(z.email('Enter a valid e-mail address, like name@company.com.'))

// Names are shown everywhere and stored as text; control characters (a NUL byte cannot even
// be stored by PostgreSQL) have no place in them.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/
export function displayName(label: { empty: string; max: number; min?: number }) {
	return z
		.string({ error: label.empty })
		.trim()
		.min(label.min ?? 1, label.empty)
		.max(label.max, `Use at most ${label.max} characters.`)
		.refine((value) => !CONTROL_CHARACTERS.test(value), 'Use letters, digits and punctuation only (no control characters).')
}

// Multi-line text (summaries, comments, notes, reports) keeps its line breaks and tabs; other
// control characters have no place in it.
const STRAY_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
export function hasStrayControlCharacters(text: string) {
	return STRAY_CONTROL_CHARACTERS.test(text)
}

export const nameField = displayName({ empty: 'Enter your name.', max: 100 })

export const passwordField = z.string({ error: 'Enter a password.' }).min(1, 'Enter a password.')

// Record ids are cuids; anything else (empty, huge, a NUL byte PostgreSQL would reject)
// cannot name a record, so it is refused before it reaches the database.
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export function recordIdField(message = 'Choose an item from the list.') {
	return z.string({ error: message }).regex(RECORD_ID_PATTERN, message)
}
