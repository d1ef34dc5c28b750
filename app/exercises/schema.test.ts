import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { architectureMetadata } from './fixtures/sample-architecture.ts'
import { sampleMetadata } from './fixtures/sample-exercise.ts'
import { EXERCISE_JSON_SCHEMA_PATH, exerciseJsonSchemaText } from './json-schema.ts'
import { parseExerciseMetadata } from './schema.ts'
import { ROOT_CAUSE_CATEGORIES, ROOT_CAUSE_CATEGORY_IDS } from './taxonomy.ts'
import { TOPIC_IDS } from './topics.ts'

function problemsOf(change: (metadata: Record<string, any>) => void) {
	const metadata: Record<string, any> = sampleMetadata()
	change(metadata)
	const result = parseExerciseMetadata(metadata)
	return result.success ? [] : result.problems
}

describe('exercise.json schema', () => {
	it('accepts a complete exercise, with or without the optional $schema and limits', () => {
		expect(problemsOf(() => {})).toEqual([])
		expect(
			problemsOf((metadata) => {
				delete metadata.$schema
				delete metadata.limits
			}),
		).toEqual([])
		expect(problemsOf((metadata) => (metadata.limits = {}))).toEqual([])
	})

	it('rejects unknown keys anywhere, naming them', () => {
		expect(problemsOf((metadata) => (metadata.hint = 'typo'))).toEqual([{ path: '', message: 'unknown key "hint" (a typo?)' }])
		expect(problemsOf((metadata) => (metadata.hints[0].unlock.afterMinute = 3))).toEqual([
			{ path: 'hints[0].unlock', message: 'unknown key "afterMinute" (a typo?)' },
		])
		expect(problemsOf((metadata) => (metadata.limits.timeoutMs = 10))).toEqual([
			{ path: 'limits', message: 'unknown key "timeoutMs" (a typo?)' },
		])
	})

	it('names missing required fields', () => {
		expect(problemsOf((metadata) => delete metadata.rootCause)).toEqual([{ path: 'rootCause', message: 'is required' }])
	})

	it('tells a wrong value from a missing one: the allowed values of a list, a whole number, a required field', () => {
		expect(problemsOf((metadata) => (metadata.kind = 'debug'))).toEqual([{ path: 'kind', message: 'must be one of: "debugging", "architecture" (not "debug")' }])
		expect(problemsOf((metadata) => (metadata.rootCause.category = 'off-by-one'))).toEqual([
			{ path: 'rootCause.category', message: `must be one of: ${ROOT_CAUSE_CATEGORY_IDS.map((id) => `"${id}"`).join(', ')} (not "off-by-one")` },
		])
		expect(problemsOf((metadata) => (metadata.rootCause.acceptedCategories = ['api-misuse', 'nope']))).toEqual([
			{ path: 'rootCause.acceptedCategories[1]', message: expect.stringMatching(/^must be one of: "boundary", .* \(not "nope"\)$/) },
		])
		expect(problemsOf((metadata) => (metadata.estimatedMinutes = 12.5))).toEqual([{ path: 'estimatedMinutes', message: 'must be a whole number' }])
		expect(problemsOf((metadata) => (metadata.difficulty = '900'))).toEqual([{ path: 'difficulty', message: 'must be a number' }])
		expect(problemsOf((metadata) => (metadata.title = 42))).toEqual([{ path: 'title', message: 'must be a string' }])
		expect(problemsOf((metadata) => delete metadata.estimatedMinutes)).toEqual([{ path: 'estimatedMinutes', message: 'is required' }])
		expect(problemsOf((metadata) => delete metadata.kind)).toEqual([{ path: 'kind', message: 'is required' }])
	})

	it('requires a UUID, a kebab-case slug and a known kind, language, topic and category', () => {
		const paths = (change: (metadata: Record<string, any>) => void) => problemsOf(change).map((problem) => problem.path)
		expect(paths((metadata) => (metadata.uuid = 'not-a-uuid'))).toEqual(['uuid'])
		expect(paths((metadata) => (metadata.slug = 'Statement_Misses'))).toEqual(['slug'])
		expect(paths((metadata) => (metadata.kind = 'puzzle'))).toEqual(['kind'])
		expect(paths((metadata) => (metadata.language = 'python'))).toEqual(['language'])
		expect(paths((metadata) => (metadata.topics = ['dates']))).toEqual(['topics[0]'])
		expect(paths((metadata) => (metadata.topics = []))).toEqual(['topics'])
		expect(paths((metadata) => (metadata.topics = ['time', 'text', 'state', 'async']))).toEqual(['topics'])
		expect(paths((metadata) => (metadata.rootCause.category = 'off-by-one'))).toEqual(['rootCause.category'])
		// "architecture" is a known kind; what it still lacks here is its own block.
		expect(paths((metadata) => (metadata.kind = 'architecture'))).toEqual(['architecture'])
	})

	describe('architecture exercises', () => {
		const architectureProblems = (change: (metadata: Record<string, any>) => void) => {
			const metadata: Record<string, any> = architectureMetadata()
			change(metadata)
			const result = parseExerciseMetadata(metadata)
			return result.success ? [] : result.problems
		}

		it('accepts a decision record guide and two stages, and keeps rootCause and hints as for debugging', () => {
			expect(architectureProblems(() => {})).toEqual([])
			const parsed = parseExerciseMetadata(architectureMetadata())
			expect(parsed.success && parsed.metadata.architecture?.stages.map((stage) => stage.title)).toEqual(['Launch', 'Six months later: a second region'])
			expect(architectureProblems((metadata) => delete metadata.hints)).toEqual([{ path: 'hints', message: 'is required' }])
		})

		it('needs the architecture block for that kind only', () => {
			expect(architectureProblems((metadata) => delete metadata.architecture)).toEqual([
				{ path: 'architecture', message: 'is required for an architecture exercise: its decision record and its two stages' },
			])
			expect(problemsOf((metadata) => (metadata.architecture = architectureMetadata().architecture))).toEqual([
				{ path: 'architecture', message: 'is only for architecture exercises; remove it or set kind to "architecture"' },
			])
		})

		it('wants exactly two stages of test files, each file in one stage, and every prompt of the record', () => {
			expect(architectureProblems((metadata) => metadata.architecture.stages.pop())).toEqual([
				{ path: 'architecture.stages', message: 'must have exactly 2 stages: stage 1 (the launch) and stage 2 (six months later)' },
			])
			expect(architectureProblems((metadata) => (metadata.architecture.stages[1].scenarios = ['tests/hidden/later.spec.ts'])).map((problem) => problem.path)).toEqual([
				'architecture.stages[1].scenarios[0]',
			])
			expect(architectureProblems((metadata) => (metadata.architecture.stages[1].scenarios = ['src/later.test.ts'])).map((problem) => problem.path)).toEqual([
				'architecture.stages[1].scenarios[0]',
			])
			expect(architectureProblems((metadata) => (metadata.architecture.stages[1].scenarios = []))).toEqual([
				{ path: 'architecture.stages[1].scenarios', message: 'must name at least 1 test file' },
			])
			expect(architectureProblems((metadata) => delete metadata.architecture.decisionRecord.prompts.followUp)).toEqual([
				{ path: 'architecture.decisionRecord.prompts.followUp', message: 'is required' },
			])
			expect(architectureProblems((metadata) => (metadata.architecture.stages[0].unlock = 'after submit'))).toEqual([
				{ path: 'architecture.stages[0]', message: 'unknown key "unlock" (a typo?)' },
			])
		})
	})

	it('keeps difficulty between 800 and 2200, as an integer', () => {
		expect(problemsOf((metadata) => (metadata.difficulty = 800))).toEqual([])
		expect(problemsOf((metadata) => (metadata.difficulty = 2200))).toEqual([])
		for (const difficulty of [799, 2201, 1000.5, '900']) {
			expect(problemsOf((metadata) => (metadata.difficulty = difficulty)).map((problem) => problem.path)).toEqual(['difficulty'])
		}
	})

	it('needs 2 to 4 hints whose unlock thresholds are non-negative and never decrease', () => {
		const hint = (afterMinutes: number, afterHypotheses: number) => ({ text: 'Compare page 1 and page 2.', unlock: { afterMinutes, afterHypotheses } })
		expect(problemsOf((metadata) => (metadata.hints = [hint(5, 1)]))).toEqual([{ path: 'hints', message: 'must have at least 2 hints' }])
		expect(problemsOf((metadata) => (metadata.hints = [hint(0, 0), hint(0, 0), hint(1, 1), hint(2, 2)]))).toEqual([])
		expect(problemsOf((metadata) => (metadata.hints = [hint(0, 0), hint(0, 0), hint(1, 1), hint(2, 2), hint(3, 3)]))).toEqual([
			{ path: 'hints', message: 'must have at most 4 hints' },
		])
		expect(problemsOf((metadata) => (metadata.hints = [hint(-1, 0), hint(5, 1)])).map((problem) => problem.path)).toEqual([
			'hints[0].unlock.afterMinutes',
		])
		expect(problemsOf((metadata) => (metadata.hints = [hint(10, 1), hint(5, 2)]))).toEqual([
			{ path: 'hints[1].unlock.afterMinutes', message: "must not be lower than the previous hint's (10): hints unlock in order" },
		])
		expect(problemsOf((metadata) => (metadata.hints = [hint(5, 2), hint(10, 1)])).map((problem) => problem.path)).toEqual([
			'hints[1].unlock.afterHypotheses',
		])
	})

	it('needs rubric weights that are positive integers and exactly five level descriptors', () => {
		const paths = (change: (metadata: Record<string, any>) => void) => problemsOf(change).map((problem) => problem.path)
		expect(paths((metadata) => (metadata.rubric[0].weight = 0))).toEqual(['rubric[0].weight'])
		expect(paths((metadata) => (metadata.rubric[0].weight = 1.5))).toEqual(['rubric[0].weight'])
		expect(paths((metadata) => metadata.rubric[1].levels.pop())).toEqual(['rubric[1].levels'])
		expect(paths((metadata) => metadata.rubric[1].levels.push('5 beyond'))).toEqual(['rubric[1].levels'])
		expect(paths((metadata) => (metadata.rubric[2].levels[3] = ' '))).toEqual(['rubric[2].levels[3]'])
		expect(paths((metadata) => (metadata.rubric[2].id = 'diagnosis'))).toEqual(['rubric'])
	})

	it('bounds limit overrides to what a shared machine can give', () => {
		const paths = (limits: object) => problemsOf((metadata) => (metadata.limits = limits)).map((problem) => problem.path)
		expect(paths({ cpuMs: 3000, wallMs: 5000, memoryMb: 128, outputBytes: 131072 })).toEqual([])
		expect(paths({ cpuMs: 60_000 })).toEqual(['limits.cpuMs'])
		expect(paths({ memoryMb: 4096 })).toEqual(['limits.memoryMb'])
		expect(paths({ outputBytes: 10 })).toEqual(['limits.outputBytes'])
		expect(paths({ cpuMs: 3000, wallMs: 1000 })).toEqual(['limits.wallMs'])
	})

	it('checks root-cause locations are src/ paths with an ordered 1-based range', () => {
		const paths = (location: object) =>
			problemsOf((metadata) => (metadata.rootCause.locations = [location])).map((problem) => problem.path)
		expect(paths({ file: 'src/a.ts', startLine: 3, endLine: 3 })).toEqual([])
		expect(paths({ file: 'solution/a.ts', startLine: 3, endLine: 3 })).toEqual(['rootCause.locations[0].file'])
		expect(paths({ file: 'src/../x.ts', startLine: 3, endLine: 3 })).toEqual(['rootCause.locations[0].file'])
		expect(paths({ file: 'src/a.ts', startLine: 0, endLine: 3 })).toEqual(['rootCause.locations[0].startLine'])
		expect(paths({ file: 'src/a.ts', startLine: 5, endLine: 3 })).toEqual(['rootCause.locations[0].endLine'])
		expect(problemsOf((metadata) => (metadata.rootCause.locations = [])).map((problem) => problem.path)).toEqual([
			'rootCause.locations',
		])
	})
})

describe('taxonomy and topics', () => {
	it('has exactly the 20 root-cause ids of the format, each with a label and a one-line description', () => {
		expect(ROOT_CAUSE_CATEGORY_IDS).toEqual([
			'boundary', 'wrong-condition', 'shared-mutable-state', 'async-race', 'missing-await', 'resource-leak',
			'stale-cache', 'number-precision', 'time-zones', 'text-encoding', 'input-validation', 'error-handling',
			'idempotency', 'algorithmic-complexity', 'configuration', 'api-misuse', 'unsafe-type-assertion', 'lost-this-binding',
			'broken-access-control', 'injection',
		])
		for (const category of ROOT_CAUSE_CATEGORIES) {
			expect(category.label.length).toBeGreaterThan(2)
			expect(category.description).toMatch(/^[A-Z].{20,140}\.$/)
		}
	})

	it('has the fixed topic list of the format', () => {
		expect(TOPIC_IDS).toEqual([
			'async', 'caching', 'concurrency', 'data-integrity', 'errors', 'numbers', 'performance', 'reliability',
			'resources', 'state', 'text', 'time', 'validation', 'api-design',
		])
	})
})

describe('exercise.schema.json', () => {
	it('is up to date with the zod schema (run npm run exercises:schema after changing schema.ts)', async () => {
		expect(await readFile(EXERCISE_JSON_SCHEMA_PATH, 'utf8')).toBe(exerciseJsonSchemaText())
	})

	it('describes the same strict object for editors', () => {
		const schema = JSON.parse(exerciseJsonSchemaText())
		expect(schema.additionalProperties).toBe(false)
		expect(schema.required).toEqual(expect.arrayContaining(['slug', 'uuid', 'kind', 'rootCause', 'hints', 'rubric', 'version']))
		expect(schema.required).not.toContain('$schema')
		expect(schema.properties.rootCause.properties.category.enum).toEqual(ROOT_CAUSE_CATEGORY_IDS)
	})
})
