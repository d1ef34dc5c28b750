// The decision record of an architecture attempt: context, the options weighed (each with
// pros and cons), the decision, the consequences expected and, after stage 2, the follow-up
// that says what the first decision cost. Drafts are saved as they are typed; a record is
// checked for completeness only when a stage is submitted. Pure and client-safe (zod only).
import { z } from 'zod'

export const MAX_SECTION_LENGTH = 5000
export const MAX_OPTION_FIELD_LENGTH = 2000
export const MAX_OPTIONS = 6
const MIN_OPTIONS = 2

export type DecisionOption = { name: string; pros: string; cons: string }
export type DecisionRecord = { context: string; options: DecisionOption[]; decision: string; consequences: string; followUp: string }

export type DecisionSection = 'context' | 'options' | 'decision' | 'consequences' | 'followUp'

export const SECTION_LABELS: Record<DecisionSection, string> = {
	context: 'Context',
	options: 'Options considered',
	decision: 'Decision',
	consequences: 'Expected consequences',
	followUp: 'Follow-up, six months later',
}

export function emptyDecisionRecord(): DecisionRecord {
	return { context: '', options: [emptyOption(), emptyOption()], decision: '', consequences: '', followUp: '' }
}

export function emptyOption(): DecisionOption {
	return { name: '', pros: '', cons: '' }
}

const draftText = (max: number) => z.string().max(max, `must have at most ${max} characters`)

/** A draft as the workspace saves it: any section may be empty, nothing may be huge. */
export const DecisionRecordDraftSchema = z.strictObject({
	context: draftText(MAX_SECTION_LENGTH),
	options: z
		.array(z.strictObject({ name: draftText(200), pros: draftText(MAX_OPTION_FIELD_LENGTH), cons: draftText(MAX_OPTION_FIELD_LENGTH) }))
		.max(MAX_OPTIONS, `must list at most ${MAX_OPTIONS} options`),
	decision: draftText(MAX_SECTION_LENGTH),
	consequences: draftText(MAX_SECTION_LENGTH),
	followUp: draftText(MAX_SECTION_LENGTH),
})

export type DecisionRecordErrors = Partial<Record<DecisionSection | `options.${number}`, string>>

const MIN_WORDS: Record<Exclude<DecisionSection, 'options'>, number> = { context: 12, decision: 6, consequences: 12, followUp: 12 }

function words(text: string) {
	return text.trim().split(/\s+/).filter(Boolean).length
}

/**
 * What is missing before a stage can be submitted, section by section: every section written
 * (a few sentences, not a word), at least two options that each have a name, pros and cons,
 * and — for stage 2 — the follow-up.
 */
export function checkDecisionRecord(record: DecisionRecord, stage: 1 | 2): DecisionRecordErrors {
	const errors: DecisionRecordErrors = {}
	const sections: Array<Exclude<DecisionSection, 'options'>> =
		stage === 2 ? ['context', 'decision', 'consequences', 'followUp'] : ['context', 'decision', 'consequences']
	for (const section of sections) {
		const count = words(record[section])
		if (count === 0) errors[section] = `Write the ${SECTION_LABELS[section].toLowerCase()}.`
		else if (count < MIN_WORDS[section]) errors[section] = `Say more in “${SECTION_LABELS[section]}”: at least ${MIN_WORDS[section]} words (it has ${count}).`
	}
	const written = record.options.filter((option) => option.name.trim() || option.pros.trim() || option.cons.trim())
	record.options.forEach((option, index) => {
		if (!(option.name.trim() || option.pros.trim() || option.cons.trim())) return
		const missing = (['name', 'pros', 'cons'] as const).filter((part) => !option[part].trim())
		if (missing.length) errors[`options.${index}`] = `Option ${index + 1} needs ${missing.map((part) => (part === 'name' ? 'a name' : part)).join(' and ')}.`
	})
	if (written.length < MIN_OPTIONS)
		errors.options = `Weigh at least ${MIN_OPTIONS} real options, each with its pros and cons (${written.length === 0 ? 'none yet' : 'one so far'}).`
	return errors
}

export function isComplete(errors: DecisionRecordErrors) {
	return Object.keys(errors).length === 0
}
