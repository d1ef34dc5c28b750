// The diagnosis form: one schema for the browser and the server. Pure (zod only).
import { z } from 'zod'
import { ROOT_CAUSE_CATEGORY_IDS } from '#app/exercises/taxonomy.ts'

export const MIN_EXPLANATION_CHARS = 80
const MAX_EXPLANATION_CHARS = 5000

/** Sentences, roughly: runs of text ending in . ! ? or the end, with at least three words. */
export function countSentences(text: string): number {
	return text
		.split(/(?<=[.!?])\s+|\n+/)
		.map((part) => part.trim())
		.filter((part) => part.split(/\s+/).filter(Boolean).length >= 3).length
}

const line = (label: string) =>
	z.coerce
		.number({ error: `Pick the ${label} line in the editor.` })
		.int(`Pick the ${label} line in the editor.`)
		.min(1, `Pick the ${label} line in the editor.`)
		.max(100_000, `Pick the ${label} line in the editor.`)

export const DiagnosisSchema = z
	.object({
		file: z
			.string({ error: 'Select the lines of the root cause in the editor, then press “Use selected lines”.' })
			.regex(/^src\/[^\0]{1,300}$/, 'Select the lines of the root cause in a file under src/, then press “Use selected lines”.'),
		startLine: line('first'),
		endLine: line('last'),
		category: z.enum(ROOT_CAUSE_CATEGORY_IDS, { error: 'Choose the category that best describes the root cause.' }),
		explanation: z
			.string({ error: 'Explain the root cause in your own words.' })
			.trim()
			.min(MIN_EXPLANATION_CHARS, `Explain the root cause in at least a couple of sentences (${MIN_EXPLANATION_CHARS} characters or more).`)
			.max(MAX_EXPLANATION_CHARS, `Keep the explanation under ${MAX_EXPLANATION_CHARS} characters.`)
			.refine((text) => countSentences(text) >= 2, 'Write at least two sentences: what is wrong, and why it causes the symptom.'),
		attested: z.literal('on', { error: 'Confirm that you worked without AI assistance; a diagnosis is only graded with it.' }),
		/** The learner's src/ files as JSON, filled in by the workspace. */
		files: z.string({ error: 'The code did not come with the form. Reload the page and submit again.' }).min(2).max(2_000_000),
	})
	.refine((diagnosis) => diagnosis.endLine >= diagnosis.startLine, { message: 'The last line must not come before the first.', path: ['endLine'] })

export type Diagnosis = z.infer<typeof DiagnosisSchema>

/**
 * The same attestation on its own: an architecture attempt asks for it once it has ended
 * (its stages are handed in without it), and keeps it on its last stage submission.
 */
export const AttestSchema = z.object({
	intent: z.literal('attest'),
	attested: z.literal('on', {
		error: 'Tick “I worked on this without AI assistance” to record it. If that is not so, leave it unticked: nothing is recorded.',
	}),
})

/** What the workspace's form actions (reveal a hint, submit, give up, submit a stage, attest) answer. */
export type WorkspaceActionData =
	| { intent: 'reveal-hint'; ok: true; hint: { index: number; text: string } }
	| { intent: 'reveal-hint' | 'give-up'; ok: false; message: string }
	| { intent: 'submit'; ok: true; number: number; correct: boolean }
	| { intent: 'submit'; ok: false; message?: string; fieldErrors?: Record<string, string[] | undefined> }
	| { intent: 'give-up'; ok: true }
	| { intent: 'submit-stage'; ok: true; stage: number; passed: boolean; scenariosPassed: number; scenariosTotal: number; unlocked: boolean; solved: boolean }
	| { intent: 'submit-stage'; ok: false; message?: string; fieldErrors?: Record<string, string | undefined> }
	| { intent: 'attest'; ok: true }
	| { intent: 'attest'; ok: false; message: string }
