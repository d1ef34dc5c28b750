// The exercises of the demo history, with what a simulated learner needs to submit right and
// wrong answers: the fixed code, where the root cause is picked in the starter and in the fix,
// a category that is wrong, and a test that fails and one that passes on the starter.
import type { Files } from '#app/attempts/code-history.ts'
import { srcFiles, visibleTestFiles } from '#app/attempts/files.ts'
import { locationMatches, mapToStarterLines } from '#app/attempts/grading.ts'
import { solvedSrc } from '#app/exercises/exercise-folder.ts'
import type { ExerciseMetadata, SourceLocation } from '#app/exercises/schema.ts'
import { ROOT_CAUSE_CATEGORY_IDS, type RootCauseCategoryId } from '#app/exercises/taxonomy.ts'
import type { RubricCriterion } from '#app/reviews/rubric.ts'
import { runTests } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import type { Random } from '#app/utils/random.ts'

export type PreparedExercise = {
	id: string
	slug: string
	difficulty: number
	topics: string[]
	estimatedMinutes: number
	hints: ExerciseMetadata['hints']
	rubric: RubricCriterion[]
	category: RootCauseCategoryId
	wrongCategory: RootCauseCategoryId
	starter: Files
	fixed: Files
	/** The root cause as picked in the starter, and in the fixed code. */
	starterPick: SourceLocation
	fixedPick: SourceLocation
	failingTest: string | null
	passingTest: string | null
}

/** Lines of `current` that grade as the root cause, found the way the grader maps them back to the starter. */
function rootCauseLinesIn(starter: Files, current: Files, locations: SourceLocation[]): SourceLocation | null {
	for (const location of locations) {
		const before = starter[location.file]
		const after = current[location.file]
		if (before === undefined || after === undefined) continue
		const width = location.endLine - location.startLine + 1
		const lines = after.split('\n').length
		const starts = Array.from({ length: lines }, (_, index) => index + 1).sort((a, b) => Math.abs(a - location.startLine) - Math.abs(b - location.startLine))
		for (const startLine of starts) {
			const range = { startLine, endLine: Math.min(lines, startLine + width - 1) }
			if (locationMatches(mapToStarterLines(before, after, range), location.file, locations)) return { file: location.file, ...range }
		}
	}
	return null
}

/** The debugging exercises in the catalogue, each run once through the sandbox to learn its failing and passing tests. */
export async function prepareExercises(random: Random): Promise<PreparedExercise[]> {
	const exercises = await getPrisma().exercise.findMany({
		where: { retiredAt: null, kind: 'debugging', currentVersionId: { not: null } },
		orderBy: { slug: 'asc' },
		select: { id: true, slug: true, difficulty: true, currentVersion: { select: { metadata: true, publicFiles: true, solution: true } } },
	})
	const prepared: PreparedExercise[] = []
	for (const exercise of exercises) {
		const metadata = exercise.currentVersion!.metadata as unknown as ExerciseMetadata
		const publicFiles = exercise.currentVersion!.publicFiles as Files
		const starter = srcFiles(publicFiles)
		const fixed = solvedSrc({ src: starter, solution: exercise.currentVersion!.solution as Files })
		const starterPick = metadata.rootCause.locations[0]
		const fixedPick = rootCauseLinesIn(starter, fixed, metadata.rootCause.locations)
		// An exercise the simulation cannot answer right is left out rather than graded wrong forever.
		if (!starterPick || !fixedPick) continue
		const tests = visibleTestFiles(publicFiles)
		const result = await runTests({
			files: { ...starter, ...tests },
			testFiles: Object.keys(tests).sort(),
			owner: 'seed-history',
			seed: 1,
			limits: metadata.limits ?? {},
		})
		prepared.push({
			id: exercise.id,
			slug: exercise.slug,
			difficulty: exercise.difficulty,
			topics: metadata.topics,
			estimatedMinutes: metadata.estimatedMinutes,
			hints: metadata.hints,
			rubric: metadata.rubric as RubricCriterion[],
			category: metadata.rootCause.category,
			wrongCategory: random.pick(ROOT_CAUSE_CATEGORY_IDS.filter((id) => id !== metadata.rootCause.category)),
			starter,
			fixed,
			starterPick,
			fixedPick,
			failingTest: result.tests.find((test) => test.status === 'fail')?.name ?? null,
			passingTest: result.tests.find((test) => test.status === 'pass')?.name ?? null,
		})
	}
	return prepared
}
