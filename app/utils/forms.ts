import { z } from 'zod'

export type FieldErrors = Record<string, string[] | undefined>
export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors }

/** Validates a submitted form against one zod schema; errors come back per field. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
	const result = schema.safeParse(formValues(formData))
	if (result.success) return { ok: true, data: result.data }
	return { ok: false, fieldErrors: fieldErrorsOf(result.error.issues) }
}

type IntentForm = { intent: string }
type ParsedIntentForm<T extends IntentForm> = T extends IntentForm ? { ok: true; intent: T['intent']; data: T } : never
export type IntentFormResult<T extends IntentForm> = ParsedIntentForm<T> | { ok: false; intent: T['intent'] | null; fieldErrors: FieldErrors }

/**
 * Validates a form that several buttons of a page submit, told apart by their `intent` field,
 * against one `z.discriminatedUnion('intent', [...])`. `intent` says which of them was sent
 * even when its fields are wrong, and is null when the form named none of them.
 */
export function parseIntentForm<S extends z.ZodDiscriminatedUnion<readonly z.ZodType<IntentForm>[], 'intent'>>(
	formData: FormData,
	schema: S,
): IntentFormResult<z.output<S>> {
	const values = formValues(formData)
	const result = schema.safeParse(values)
	if (result.success) return { ok: true, intent: result.data.intent, data: result.data } as IntentFormResult<z.output<S>>
	const unknownIntent = result.error.issues.some((issue) => issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'intent')
	// The union matched the submitted intent, so it is one of the schema's.
	const intent = !unknownIntent && typeof values.intent === 'string' ? (values.intent as z.output<S>['intent']) : null
	return { ok: false, intent, fieldErrors: fieldErrorsOf(result.error.issues) }
}

function formValues(formData: FormData) {
	const values: Record<string, FormDataEntryValue> = {}
	for (const [key, value] of formData) values[key] = value
	return values
}

/** A failed parse's issues by field, as the pages show them (issues about the whole form under `form`). */
export function fieldErrorsOf(issues: z.core.$ZodIssue[]) {
	const fieldErrors: FieldErrors = {}
	for (const issue of issues) {
		const key = String(issue.path[0] ?? 'form')
		;(fieldErrors[key] ??= []).push(issue.message)
	}
	return fieldErrors
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
// eslint-disable-next-line no-control-regex -- matching control characters is the point
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
// eslint-disable-next-line no-control-regex -- matching control characters is the point
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
