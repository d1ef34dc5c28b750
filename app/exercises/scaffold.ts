// Scaffolds a new exercise folder that already satisfies the format: a schema-valid
// exercise.json, the README sections, a tiny sample system whose starter fails and whose
// solution passes. Every text an author must replace carries PLACEHOLDER_MARKER, which
// the validator refuses, so a scaffold cannot slip into the catalogue unedited.
import { randomUUID } from 'node:crypto'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type ExerciseMetadata, SLUG_PATTERN, SlugSchema } from './schema.ts'
import { PLACEHOLDER_MARKER } from './validate.ts'

export class ScaffoldError extends Error {
	override name = 'ScaffoldError'
}

export async function scaffoldExercise({ exercisesRoot, slug }: { exercisesRoot: string; slug: string }): Promise<string> {
	const parsedSlug = SlugSchema.safeParse(slug)
	if (!parsedSlug.success) {
		throw new ScaffoldError(`"${slug}" is not a valid slug: ${parsedSlug.error.issues[0]?.message ?? `must match ${SLUG_PATTERN}`}`)
	}
	const dir = path.join(exercisesRoot, slug)
	if (await stat(dir).then(() => true, () => false)) throw new ScaffoldError(`${dir} already exists; pick another slug or edit that exercise`)

	for (const [relative, text] of Object.entries(scaffoldFiles(slug, randomUUID()))) {
		const file = path.join(dir, ...relative.split('/'))
		await mkdir(path.dirname(file), { recursive: true })
		await writeFile(file, text, { flag: 'wx' })
	}
	return dir
}

const TODO = PLACEHOLDER_MARKER
const TITLE = `${TODO} Title of the incident, as a ticket would name it`

function scaffoldFiles(slug: string, uuid: string): Record<string, string> {
	const metadata = {
		$schema: '../../app/exercises/exercise.schema.json',
		slug,
		uuid,
		kind: 'debugging',
		title: TITLE,
		summary: `${TODO} One sentence for the catalogue: the symptom, never the cause.`,
		topics: ['data-integrity'],
		difficulty: 900,
		estimatedMinutes: 20,
		language: 'typescript',
		family: 'todo-author-name-the-bug-family',
		rootCause: {
			category: 'boundary',
			locations: [{ file: 'src/invoice.ts', startLine: 9, endLine: 11 }],
			explanation: `${TODO} What is wrong, why it produces the symptom, and how the fix addresses it, in three to six sentences.`,
		},
		hints: [
			{ text: `${TODO} A first hint that teaches a method (compare, bisect, reproduce smaller).`, unlock: { afterMinutes: 5, afterHypotheses: 1 } },
			{ text: `${TODO} A second hint that narrows the search without naming the cause.`, unlock: { afterMinutes: 12, afterHypotheses: 2 } },
		],
		rubric: [
			rubricCriterion('diagnosis', 'Found the root cause', 2),
			rubricCriterion('method', 'Diagnostic method', 1),
			rubricCriterion('fix', 'Quality of the fix', 1),
		],
		limits: {},
		version: 1,
	} satisfies ExerciseMetadata & { $schema: string }

	return {
		'exercise.json': `${JSON.stringify(metadata, null, '\t')}\n`,
		'README.md': [
			`# ${TITLE}`,
			'',
			'## Symptom',
			'',
			`${TODO} What users see, in their words: a customer quote, a support ticket, a metric that moved.`,
			'',
			'## Context',
			'',
			`${TODO} What the system does and which files matter (src/invoice.ts builds invoices; src/pricing.ts prices one line).`,
			'',
			'## What we know',
			'',
			`${TODO} Evidence: a log excerpt with timestamps, the failing visible test, what has been ruled out. Never the cause.`,
			'',
		].join('\n'),
		'src/invoice.ts': [
			`// ${TODO} Replace this sample with a small, believable system (2-8 files, 80-500 lines).`,
			"import { type PricedLine, lineTotalCents } from './pricing'",
			'',
			'export type Invoice = { customer: string; lines: PricedLine[] }',
			'',
			'/** Total of an invoice in cents. */',
			'export function invoiceTotalCents(invoice: Invoice): number {',
			'\tlet total = 0',
			'\tfor (let index = 1; index < invoice.lines.length; index++) {',
			'\t\ttotal += lineTotalCents(invoice.lines[index] as PricedLine)',
			'\t}',
			'\treturn total',
			'}',
			'',
		].join('\n'),
		'src/pricing.ts': [
			`// ${TODO} Replace this sample with a small, believable system (2-8 files, 80-500 lines).`,
			'export type PricedLine = { sku: string; unitCents: number; quantity: number }',
			'',
			'export function lineTotalCents(line: PricedLine): number {',
			'\treturn line.unitCents * line.quantity',
			'}',
			'',
		].join('\n'),
		'solution/invoice.ts': [
			`// ${TODO} Replace this sample with a small, believable system (2-8 files, 80-500 lines).`,
			"import { type PricedLine, lineTotalCents } from './pricing'",
			'',
			'export type Invoice = { customer: string; lines: PricedLine[] }',
			'',
			'/** Total of an invoice in cents. */',
			'export function invoiceTotalCents(invoice: Invoice): number {',
			'\tlet total = 0',
			'\tfor (const line of invoice.lines) {',
			'\t\ttotal += lineTotalCents(line)',
			'\t}',
			'\treturn total',
			'}',
			'',
		].join('\n'),
		'tests/visible/invoice.test.ts': [
			`// ${TODO} Show the SYMPTOM through a caller, not the cause.`,
			"import { describe, expect, it } from 'vitest'",
			"import { invoiceTotalCents } from '../../src/invoice'",
			'',
			"describe('invoice totals', () => {",
			"\tit('adds up every line of the invoice', () => {",
			'\t\tconst invoice = {',
			"\t\t\tcustomer: 'ACME',",
			'\t\t\tlines: [',
			"\t\t\t\t{ sku: 'KB-01', unitCents: 4999, quantity: 1 },",
			"\t\t\t\t{ sku: 'MS-02', unitCents: 1999, quantity: 2 },",
			'\t\t\t],',
			'\t\t}',
			'\t\texpect(invoiceTotalCents(invoice)).toBe(8997)',
			'\t})',
			'})',
			'',
		].join('\n'),
		'tests/hidden/invoice.test.ts': [
			`// ${TODO} Grade BEHAVIOUR so that any correct fix passes; include the edge cases a superficial fix misses.`,
			"import { describe, expect, it } from 'vitest'",
			"import { invoiceTotalCents } from '../../src/invoice'",
			'',
			"describe('invoice totals (grading)', () => {",
			`\t// Stated in README.md: "${TODO} What users see, in their words"`,
			"\tit('charges a single-line invoice in full', () => {",
			"\t\texpect(invoiceTotalCents({ customer: 'Solo', lines: [{ sku: 'CB-9', unitCents: 1250, quantity: 3 }] })).toBe(3750)",
			'\t})',
			'',
			`\t// Stated in README.md: "${TODO} What the system does and which files matter"`,
			"\tit('charges nothing for an empty invoice', () => {",
			"\t\texpect(invoiceTotalCents({ customer: 'Nobody', lines: [] })).toBe(0)",
			'\t})',
			'})',
			'',
		].join('\n'),
	}
}

function rubricCriterion(id: string, title: string, weight: number) {
	return {
		id,
		title,
		weight,
		levels: [0, 1, 2, 3, 4].map((level) => `${level} ${TODO} What an attempt at level ${level} looks like for "${title}".`),
	}
}
