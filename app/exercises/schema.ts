// The schema of exercise.json, the one contract between exercise authors, the validator
// and the app. Strict on purpose: an unknown key is far more often a typo ("hint",
// "afterMinute") than a deliberate extension. Client-safe (zod only).
import { z } from 'zod'
import { ROOT_CAUSE_CATEGORY_IDS } from './taxonomy.ts'
import { TOPIC_IDS } from './topics.ts'
import { EXERCISE_KINDS, EXERCISE_LANGUAGES } from './kinds.ts'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const DIFFICULTY_RANGE = { min: 800, max: 2200 } as const

export { EXERCISE_KINDS } from './kinds.ts'

const text = (description: string, maxLength = 5000) =>
	z.string().trim().min(1, 'must not be empty').max(maxLength, `must have at most ${maxLength} characters`).describe(description)

export const SlugSchema = z
	.string()
	.min(3, 'must have at least 3 characters')
	.max(64, 'must have at most 64 characters')
	.regex(SLUG_PATTERN, 'must be kebab-case: lowercase letters and digits separated by single hyphens')

const SourceLocationSchema = z
	.strictObject({
		file: z
			.string()
			.regex(/^src\/[^\\]+$/, 'must be a path inside src/, written with forward slashes, e.g. "src/orders/paginate.ts"')
			.refine((file) => !file.split('/').some((part) => part === '..' || part === '.' || part === ''), {
				message: 'must be a plain relative path without "." or ".." segments',
			})
			.describe('Path of the starter file, relative to the exercise folder, e.g. "src/orders/paginate.ts".'),
		startLine: z.int().min(1).describe('First line of the root cause in the STARTER file (1-based, inclusive).'),
		endLine: z.int().min(1).describe('Last line of the root cause in the STARTER file (1-based, inclusive).'),
	})
	.refine((location) => location.endLine >= location.startLine, {
		message: 'endLine must not be before startLine',
		path: ['endLine'],
	})

const HintSchema = z.strictObject({
	text: text('Teaches a method ("compare the IDs on page 1 and page 2"); never states the answer.'),
	unlock: z
		.strictObject({
			afterMinutes: z.int().min(0).describe('Minutes into the attempt before the hint can be opened.'),
			afterHypotheses: z.int().min(0).describe('Hypotheses the learner must have recorded before the hint can be opened.'),
		})
		.describe('When the hint becomes available; later hints never unlock earlier than previous ones.'),
})

const RubricCriterionSchema = z.strictObject({
	id: z
		.string()
		.regex(SLUG_PATTERN, 'must be kebab-case, e.g. "diagnosis"')
		.describe('Stable id of the criterion, kebab-case, e.g. "diagnosis".'),
	title: text('What the criterion judges, e.g. "Found the root cause".'),
	weight: z.int().min(1).max(10).describe('Relative weight, a positive integer.'),
	levels: z
		.array(text('What an attempt at this level looks like.'))
		.length(5, 'must have exactly 5 level descriptors (levels 0 to 4)')
		.describe('Exactly five descriptors, for levels 0, 1, 2, 3 and 4.'),
})

// Bounds keep an exercise from asking the sandbox for more than a shared machine can give.
const LIMIT_BOUNDS = {
	cpuMs: { min: 100, max: 10_000 },
	wallMs: { min: 100, max: 30_000 },
	memoryMb: { min: 16, max: 256 },
	outputBytes: { min: 1024, max: 1024 * 1024 },
} as const

export const ExerciseLimitsSchema = z
	.strictObject({
		cpuMs: z.int().min(LIMIT_BOUNDS.cpuMs.min).max(LIMIT_BOUNDS.cpuMs.max).describe('CPU time for one run, in ms.'),
		wallMs: z.int().min(LIMIT_BOUNDS.wallMs.min).max(LIMIT_BOUNDS.wallMs.max).describe('Wall-clock time for one run, in ms.'),
		memoryMb: z.int().min(LIMIT_BOUNDS.memoryMb.min).max(LIMIT_BOUNDS.memoryMb.max).describe('Heap size of the sandbox, in MB.'),
		outputBytes: z
			.int()
			.min(LIMIT_BOUNDS.outputBytes.min)
			.max(LIMIT_BOUNDS.outputBytes.max)
			.describe('Console output kept from one run, in bytes.'),
	})
	.partial()
	.refine((limits) => limits.cpuMs === undefined || limits.wallMs === undefined || limits.wallMs >= limits.cpuMs, {
		message: 'wallMs must be at least cpuMs',
		path: ['wallMs'],
	})
	.describe('Optional overrides of the sandbox limits for this exercise.')

export const RootCauseSchema = z.strictObject({
	category: z.enum(ROOT_CAUSE_CATEGORY_IDS).describe('One id of the root-cause taxonomy (app/exercises/taxonomy.ts).'),
	acceptedCategories: z
		.array(z.enum(ROOT_CAUSE_CATEGORY_IDS))
		.max(3, 'must list at most 3 alternatives')
		.refine((categories) => new Set(categories).size === categories.length, { message: 'must not repeat a category' })
		.optional()
		.describe('Other taxonomy ids that are also a fair name for this root cause (an N+1 is algorithmic complexity and also API misuse); grading accepts them.'),
	locations: z
		.array(SourceLocationSchema)
		.min(1, 'must name at least one location')
		.describe('Where the root cause sits in the starter code; the solution must change a line inside each range.'),
	explanation: z
		.string()
		.trim()
		.min(60, 'must explain the cause in a few sentences (at least 60 characters)')
		.describe('Reference explanation, 3-6 sentences: what is wrong, why it produces the symptom, how the fix addresses it.'),
})

const TestFilePathSchema = z
	.string()
	.regex(/^tests\/(?:visible|hidden)\/[^\\]+\.test\.(?:ts|js|mts|mjs)$/, 'must be a test file in tests/visible/ or tests/hidden/, e.g. "tests/visible/launch.test.ts"')
	.refine((file) => !file.split('/').some((part) => part === '..' || part === '.' || part === ''), {
		message: 'must be a plain relative path without "." or ".." segments',
	})

const ArchitectureStageSchema = z.strictObject({
	title: text('The stage heading, e.g. "Launch" or "Six months later: a second region".', 100),
	brief: text(
		'Markdown shown when the stage opens. Stage 1: what must hold at launch. Stage 2: the new requirement or incident "six months later", written like the README.',
		20_000,
	),
	scenarios: z
		.array(TestFilePathSchema)
		.min(1, 'must name at least 1 test file')
		.refine((files) => new Set(files).size === files.length, { message: 'must not repeat a file' })
		.describe("The test files whose scenarios (scenario() from 'hardmode:sim') belong to this stage. Stage 2's files live in tests/hidden/."),
})

const DecisionRecordSchema = z.strictObject({
	guidance: text('Shown beside the record editor: what a good record weighs in this scenario. Never the answer.'),
	prompts: z
		.strictObject({
			context: text('The question that opens the Context section.', 1000),
			options: text('The question for the Options considered section.', 1000),
			decision: text('The question for the Decision section.', 1000),
			consequences: text('The question for the Expected consequences section.', 1000),
			followUp: text('Asked once stage 2 has played: what held, what had to change, what would you decide differently.', 1000),
		})
		.describe('One question per section of the record, concrete to this scenario.'),
})

export const ArchitectureSchema = z
	.strictObject({
		decisionRecord: DecisionRecordSchema,
		stages: z
			.array(ArchitectureStageSchema)
			.length(2, 'must have exactly 2 stages: stage 1 (the launch) and stage 2 (six months later)')
			.superRefine((stages, context) => {
				const owner = new Map<string, number>()
				for (const [index, stage] of stages.entries()) {
					for (const [fileIndex, file] of stage.scenarios.entries()) {
						const first = owner.get(file)
						if (first === undefined) owner.set(file, index)
						else context.addIssue({ code: 'custom', path: [index, 'scenarios', fileIndex], message: `is already a file of stage ${first + 1}; a test file belongs to one stage` })
					}
				}
			})
			.describe('Stage 1 opens with the exercise; stage 2 ("six months later") unlocks once stage 1 is submitted and plays new scenarios against the same design.'),
	})
	.describe('Only for kind "architecture": the decision record the learner writes and the stages whose scenarios play the consequences.')

const ExerciseMetadataSchema = z
	.strictObject({
		$schema: z.string().optional().describe('Path to exercise.schema.json, for editor completion.'),
		slug: SlugSchema.describe('Kebab-case id; must equal the folder name.'),
		uuid: z.uuid('must be a UUID, e.g. from crypto.randomUUID()').describe('Random v4 UUID; never changes, even if the slug does.'),
		kind: z.enum(EXERCISE_KINDS).describe('"debugging" or "architecture".'),
		title: text('Title shown in the catalogue and as the README heading.', 100),
		summary: text('One sentence for the catalogue: the symptom, never the cause.', 300),
		topics: z
			.array(z.enum(TOPIC_IDS))
			.min(1, 'must list at least 1 topic')
			.max(3, 'must list at most 3 topics')
			.refine((topics) => new Set(topics).size === topics.length, { message: 'must not repeat a topic' })
			.describe('One to three topics from app/exercises/topics.ts.'),
		difficulty: z
			.int()
			.min(DIFFICULTY_RANGE.min)
			.max(DIFFICULTY_RANGE.max)
			.describe('Initial difficulty rating, 800 (easy) to 2200 (very hard).'),
		estimatedMinutes: z.int().min(5).max(240).describe('Typical time to solve, in minutes.'),
		language: z.enum(EXERCISE_LANGUAGES).describe('Language of src/ and the tests.'),
		family: SlugSchema.optional().describe(
			'Debugging exercises: the bug family, one root-cause class met in different code bases (kebab-case, e.g. "cursor-off-by-one"). Never shown to a learner before the attempt ends.',
		),
		rootCause: RootCauseSchema,
		hints: z
			.array(HintSchema)
			.min(2, 'must have at least 2 hints')
			.max(4, 'must have at most 4 hints')
			.superRefine((hints, context) => {
				for (const [index, hint] of hints.entries()) {
					const previous = hints[index - 1]
					if (!previous) continue
					for (const key of ['afterMinutes', 'afterHypotheses'] as const) {
						if (hint.unlock[key] < previous.unlock[key]) {
							context.addIssue({
								code: 'custom',
								path: [index, 'unlock', key],
								message: `must not be lower than the previous hint's (${previous.unlock[key]}): hints unlock in order`,
							})
						}
					}
				}
			})
			.describe('Two to four hints, in the order they unlock.'),
		rubric: z
			.array(RubricCriterionSchema)
			.min(1, 'must have at least 1 criterion')
			.max(8, 'must have at most 8 criteria')
			.refine((rubric) => new Set(rubric.map((criterion) => criterion.id)).size === rubric.length, {
				message: 'criterion ids must be unique',
			})
			.describe('How leads score an attempt.'),
		architecture: ArchitectureSchema.optional(),
		limits: ExerciseLimitsSchema.optional(),
		version: z.int().min(1).describe('Bump when a change would make old attempts incomparable.'),
	})
	// One schema for both kinds (rather than a union on `kind`) keeps `rootCause` and `hints`
	// plain fields for every consumer; the architecture block is what the kinds differ in.
	.superRefine((metadata, context) => {
		if (metadata.kind === 'architecture' && metadata.architecture === undefined) {
			context.addIssue({ code: 'custom', path: ['architecture'], message: 'is required for an architecture exercise: its decision record and its two stages' })
		}
		if (metadata.kind !== 'architecture' && metadata.architecture !== undefined) {
			context.addIssue({ code: 'custom', path: ['architecture'], message: 'is only for architecture exercises; remove it or set kind to "architecture"' })
		}
		if (metadata.kind === 'debugging' && metadata.family === undefined) {
			context.addIssue({ code: 'custom', path: ['family'], message: 'is required for a debugging exercise: the kebab-case id of its bug family, e.g. "cursor-off-by-one"' })
		}
		if (metadata.rootCause.acceptedCategories?.includes(metadata.rootCause.category)) {
			context.addIssue({ code: 'custom', path: ['rootCause', 'acceptedCategories'], message: 'must not repeat rootCause.category; list only the other fair names' })
		}
	})
	.describe('A Hardmode exercise (see docs/authoring.md).')

export type ExerciseMetadata = z.infer<typeof ExerciseMetadataSchema>
export type ArchitectureMetadata = z.infer<typeof ArchitectureSchema>
export type ArchitectureStage = z.infer<typeof ArchitectureStageSchema>
export type SourceLocation = z.infer<typeof SourceLocationSchema>

export type SchemaProblem = { path: string; message: string }

export function parseExerciseMetadata(
	value: unknown,
): { success: true; metadata: ExerciseMetadata } | { success: false; problems: SchemaProblem[] } {
	// Without reportInput zod leaves `input` out of every issue, and a wrong value would read as a missing one.
	const result = ExerciseMetadataSchema.safeParse(value, { reportInput: true })
	if (result.success) return { success: true, metadata: result.data }
	return {
		success: false,
		problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) })),
	}
}

// The JSON Schema checked in as exercise.schema.json, for editor completion. Draft 7 is
// the draft editors support best.
export function exerciseJsonSchema() {
	return z.toJSONSchema(ExerciseMetadataSchema, { target: 'draft-7', io: 'input' })
}

function formatPath(path: PropertyKey[]) {
	let formatted = ''
	for (const key of path) {
		formatted += typeof key === 'number' ? `[${key}]` : `${formatted ? '.' : ''}${String(key)}`
	}
	return formatted
}

function issueMessage(issue: z.core.$ZodIssue) {
	if (issue.code === 'unrecognized_keys') {
		return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (a typo?)`
	}
	if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'is required'
	if (issue.code === 'invalid_value' && 'values' in issue) {
		return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')} (not ${JSON.stringify(issue.input)})`
	}
	// zod's default wording ("Too big: expected number to be <=2200") reads like a stack trace to authors.
	if (issue.code === 'invalid_type') {
		return issue.expected === 'int' ? 'must be a whole number' : `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`
	}
	if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message)) {
		const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
		const word = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than'
		if (issue.origin === 'number' || issue.origin === 'int') return `must be ${word} ${bound}`
		const unit = issue.origin === 'string' ? 'characters' : 'items'
		return `must have ${word} ${bound} ${unit}`
	}
	return issue.message
}
