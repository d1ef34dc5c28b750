// Checks a set of exercise folders against every rule, sharing one sandbox `run` (the
// CLI passes a single runner pool). Server-side: reads the folders from disk.
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { type ExerciseFolder } from './exercise-folder.ts'
import { type FamilyMember, familyMember } from './families.ts'
import { ExerciseLoadError, readExerciseFolder } from './load.ts'
import type { TypeCheck } from './type-check.ts'
import { type ExerciseReport, type RunTests, checkExercise, validateCatalogue } from './validate.ts'

/** The reports of the exercises checked, and what the report needs of the rest of the catalogue (exercises/) when only some were. */
export type CatalogueCheck = { reports: ExerciseReport[]; others: FamilyMember[] }

export async function checkCatalogue(
	dirs: string[],
	{
		run,
		concurrency = 1,
		onReport,
		catalogueDirs = [],
		typeCheck,
	}: {
		run: RunTests
		concurrency?: number
		onReport?: (report: ExerciseReport) => void
		/** The whole catalogue (exercises/), when `dirs` are only some of it: the checked exercises are compared with the rest for uniqueness. */
		catalogueDirs?: string[]
		/** How TypeScript exercises are type-checked, e.g. through a cache of earlier runs; by default, afresh. */
		typeCheck?: TypeCheck
	},
): Promise<CatalogueCheck> {
	const folders: Array<ExerciseFolder | ExerciseReport> = await Promise.all(
		dirs.map((dir) =>
			readExerciseFolder(dir).catch((error: unknown) => {
				if (!(error instanceof ExerciseLoadError)) throw error
				const slug = path.basename(path.resolve(dir))
				return { slug, srcFiles: 0, srcLines: 0, problems: [{ slug, rule: 'load', message: error.message }] } satisfies ExerciseReport
			}),
		),
	)
	// Known before any run, so each exercise's report line already counts them.
	const readable = folders.filter((item): item is ExerciseFolder => !('problems' in item))
	const others = await readOtherFolders(catalogueDirs, dirs)
	const catalogueProblems = validateCatalogue(readable, { others })
	const reports: ExerciseReport[] = new Array(folders.length)
	let next = 0
	async function worker() {
		while (next < folders.length) {
			const index = next++
			const item = folders[index] as ExerciseFolder | ExerciseReport
			const report = 'problems' in item ? item : await checkExercise(item, { run, typeCheck })
			report.problems.push(...catalogueProblems.filter((problem) => problem.slug === report.slug))
			reports[index] = report
			onReport?.(report)
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
	return { reports, others: others.map(familyMember) }
}

// The rest of the catalogue, read for comparison only: an unreadable folder there is its own
// check's problem, not this one's.
async function readOtherFolders(catalogueDirs: string[], checkedDirs: string[]): Promise<ExerciseFolder[]> {
	const checked = new Set(await Promise.all(checkedDirs.map(realPathOf)))
	const others = await Promise.all(
		catalogueDirs.map(async (dir) => (checked.has(await realPathOf(dir)) ? undefined : readExerciseFolder(dir).catch(() => undefined))),
	)
	return others.filter((folder) => folder !== undefined)
}

function realPathOf(dir: string) {
	return realpath(dir).catch(() => path.resolve(dir))
}
