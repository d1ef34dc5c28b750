// The exercise validator: every rule an exercise folder must satisfy before learners see
// it, as pure logic over an in-memory ExerciseFolder plus an injected sandbox `run`, so
// each rule is unit-tested with a fake runner and the CLI plugs in the real pool.
// Learner-facing failures are data here too: rules return problems, they never throw.
import {
	type ExerciseFiles,
	type ExerciseFolder,
	CODE_FILE_PATTERN,
	METADATA_FILE,
	README_FILE,
	codeFilePaths,
	countLines,
	solvedSrc,
	splitLines,
	srcPathOfSolutionFile,
	testFilePaths,
} from './exercise-folder.ts'
import { distinctiveHiddenTestLines, distinctiveSolutionLines, findLeaks } from './leaks.ts'
import { importSpecifiers, importedBySomeFile, resolveImport } from './exercise-imports.ts'
import { describeDiff, diffLines, diffTouchesRange } from './line-diff.ts'
import { describeTest, runTrouble, sameTestFile, tally } from './run-results.ts'
import { architectureStages, checkSolutionScenarios, checkStageLayout, checkStarterScenarios, isArchitecture, scenarioTally } from './validate-stages.ts'
import { ArchitectureSchema, type ArchitectureStage, ExerciseLimitsSchema, RootCauseSchema, parseExerciseMetadata } from './schema.ts'
import { type SandboxLimits, type SandboxRunRequest, type SandboxRunResult } from './sandbox.ts'
import { type TypeCheck, checkTypes } from './type-check.ts'
import { validateFamilies } from './families.ts'
import { checkHiddenTestStatements } from './hidden-statements.ts'
import { type FixProofCount, checkAlternativeLeaks, checkFixFolders, checkFixProofCount, checkFixRuns, fixProofCount } from './fix-proofs.ts'

type ExerciseRule =
	| 'load'
	| 'schema'
	| 'slug-matches-folder'
	| 'layout'
	| 'readme-sections'
	| 'src-size'
	| 'imports'
	| 'placeholder'
	| 'starter-fails'
	| 'solution-passes'
	| 'solution-overlay'
	| 'root-cause-location'
	| 'no-leak'
	| 'unique-slug'
	| 'unique-uuid'
	| 'stages'
	| 'types'
	| 'alternative-passes'
	| 'patch-caught'
	| 'fix-proofs'
	| 'family-category'
	| 'family-similarity'
	| 'hidden-test-stated'

export type ExerciseProblem = { slug: string; file?: string; rule: ExerciseRule; message: string }

export type RunTests = (request: SandboxRunRequest) => Promise<SandboxRunResult>

export type { TestTally } from './run-results.ts'
import type { TestTally } from './run-results.ts'

export type ExerciseReport = {
	slug: string
	kind?: string
	category?: string
	difficulty?: number
	srcFiles: number
	srcLines: number
	/** Tests in the starter run, by folder; undefined when the starter could not run. */
	starter?: { visible: TestTally; hidden: TestTally }
	/** Architecture exercises: the scenarios of each stage in the starter run, and how many of them failed. */
	stages?: Array<{ stage: number } & TestTally>
	family?: string
	/** Alternatives and patches the exercise has (fix-proofs.ts). */
	fixes?: FixProofCount
	problems: ExerciseProblem[]
}

const SRC_FILE_RANGE = { min: 2, max: 8 } as const
const SRC_LINE_RANGE = { min: 80, max: 500 } as const
const README_SECTIONS = ['Symptom', 'Context', 'What we know'] as const
/** An architecture brief opens with the situation instead of a symptom. */
const ARCHITECTURE_README_SECTIONS = ['Scenario', 'Context', 'What we know'] as const
/** The simulation kit architecture tests import. */
export const SIMULATION_MODULE = 'hardmode:sim'
/** Scaffolded text carries this marker; the validator refuses it until the author replaces it. */
export const PLACEHOLDER_MARKER = 'TODO(author)'

export type CheckOptions = {
	run: RunTests
	/** How TypeScript exercises are type-checked; a catalogue check passes one that checks them all in one program. */
	typeCheck?: TypeCheck
}

export async function validateExercise(folder: ExerciseFolder, options: CheckOptions): Promise<ExerciseProblem[]> {
	return (await checkExercise(folder, options)).problems
}

export async function checkExercise(folder: ExerciseFolder, { run, typeCheck }: CheckOptions): Promise<ExerciseReport> {
	const slug = folder.folderName
	const problems: ExerciseProblem[] = []
	const report = (rule: ExerciseRule, message: string, file?: string) =>
		problems.push(file === undefined ? { slug, rule, message } : { slug, file, rule, message })

	// A solution identical to the starter is one mistake; say it once instead of as a
	// cascade of "changes nothing in the range" and "identical file" problems.
	const solutionIsStarter = solutionEqualsStarter(folder)
	const stages = architectureStages(folder.metadata)
	// The sandbox runs in other processes: start them, then do the static checks (the type
	// check is the costly one) while they play. Their problems follow the static ones.
	const runProblems: ExerciseProblem[] = []
	const reportRun: Report = (rule, message, file) => runProblems.push(file === undefined ? { slug, rule, message } : { slug, file, rule, message })
	const pendingRuns = checkRuns(folder, run, reportRun, solutionIsStarter, stages)
	// Patches laid over a starter that already holds the fix would all look uncaught: one mistake, said once.
	const pendingFixRuns = solutionIsStarter ? undefined : checkFixRuns(folder, run, reportRun, exerciseLimits(folder.metadata))

	checkMetadata(folder, report)
	checkLayout(folder, report)
	checkReadme(folder, report)
	const size = checkSrcSize(folder, report)
	checkImports(folder, report)
	checkPlaceholders(folder, report)
	checkSolutionOverlay(folder, report, solutionIsStarter)
	checkRootCauseLocations(folder, report, solutionIsStarter)
	checkLeaks(folder, report)
	if (stages) checkStageLayout(folder, stages, report)
	checkFixFolders(folder, report)
	checkHiddenTestStatements(folder, report)
	const metadata = (typeof folder.metadata === 'object' && folder.metadata !== null ? folder.metadata : {}) as Record<string, unknown>
	const kind = typeof metadata.kind === 'string' ? metadata.kind : undefined
	checkFixProofCount(folder, kind, report)
	checkTypes(folder, report, typeCheck)
	const [runs] = await Promise.all([pendingRuns, pendingFixRuns])
	problems.push(...runProblems)

	const rootCause = metadata.rootCause as Record<string, unknown> | undefined
	return {
		slug,
		kind,
		category: typeof rootCause?.category === 'string' ? rootCause.category : undefined,
		...(typeof metadata.family === 'string' ? { family: metadata.family } : {}),
		difficulty: typeof metadata.difficulty === 'number' ? metadata.difficulty : undefined,
		srcFiles: size.files,
		srcLines: size.lines,
		starter: runs?.starter,
		...(runs?.stages ? { stages: runs.stages } : {}),
		fixes: fixProofCount(folder),
		problems,
	}
}

/**
 * Problems that only show across the catalogue: two exercises sharing a slug or a uuid, and
 * the variants of a bug family disagreeing on the category or copying each other (families.ts).
 * `others` are the rest of the catalogue when only some exercises are checked: they are
 * compared with, never reported on.
 */
export function validateCatalogue(folders: ExerciseFolder[], { others = [] }: { others?: ExerciseFolder[] } = {}): ExerciseProblem[] {
	const problems: ExerciseProblem[] = []
	for (const key of ['slug', 'uuid'] as const) {
		const owners = new Map<string, string>()
		for (const other of others) {
			const value = (other.metadata as Record<string, unknown> | undefined)?.[key]
			if (typeof value === 'string' && !owners.has(value.toLowerCase())) owners.set(value.toLowerCase(), other.folderName)
		}
		for (const folder of folders) {
			const value = (folder.metadata as Record<string, unknown> | undefined)?.[key]
			if (typeof value !== 'string') continue
			const owner = owners.get(value.toLowerCase())
			if (owner === undefined) {
				owners.set(value.toLowerCase(), folder.folderName)
				continue
			}
			problems.push({
				slug: folder.folderName,
				file: METADATA_FILE,
				rule: key === 'slug' ? 'unique-slug' : 'unique-uuid',
				message: `${key} "${value}" is already used by exercise "${owner}"; every exercise needs its own${key === 'uuid' ? ' (generate one with crypto.randomUUID())' : ''}`,
			})
		}
	}
	problems.push(...validateFamilies(folders, others))
	return problems
}

export type Report = (rule: ExerciseRule, message: string, file?: string) => void

function checkMetadata(folder: ExerciseFolder, report: Report) {
	if (folder.metadataError) return report('schema', folder.metadataError, METADATA_FILE)
	const parsed = parseExerciseMetadata(folder.metadata)
	if (!parsed.success) {
		for (const problem of parsed.problems) report('schema', `${problem.path || 'top level'}: ${problem.message}`, METADATA_FILE)
	}
	const slug = (folder.metadata as Record<string, unknown> | undefined)?.slug
	if (typeof slug === 'string' && slug !== folder.folderName) {
		report('slug-matches-folder', `slug is "${slug}" but the folder is named "${folder.folderName}"; they must be equal`, METADATA_FILE)
	}
}

function checkLayout(folder: ExerciseFolder, report: Report) {
	for (const path of folder.otherFiles) {
		report(
			'layout',
			`${path} is outside the exercise layout (exercise.json, README.md, src/, tests/visible/, tests/hidden/, solution/, alternatives/<name>/, patches/<name>/); move or delete it`,
			path,
		)
	}
	for (const [label, files, folderPath] of [
		['visible', folder.visibleTests, 'tests/visible/'],
		['hidden', folder.hiddenTests, 'tests/hidden/'],
	] as const) {
		if (testFilePaths(files).length === 0) {
			report('layout', `${folderPath} has no test file (*.test.ts or *.test.js); an exercise needs ${label} tests`, folderPath)
		}
	}
	if (Object.keys(folder.solution).length === 0) {
		report('layout', 'solution/ is empty; it must hold the reference fix (the changed files, at their path relative to src/)', 'solution/')
	}
}

function checkReadme(folder: ExerciseFolder, report: Report) {
	if (folder.readme === undefined) return report('readme-sections', `${README_FILE} is missing; it is the brief the learner reads`, README_FILE)
	const required = isArchitecture(folder.metadata) ? ARCHITECTURE_README_SECTIONS : README_SECTIONS
	const headings = markdownHeadings(folder.readme)
	const title = headings.find((heading) => heading.level === 1)
	const metadataTitle = (folder.metadata as Record<string, unknown> | undefined)?.title
	if (!title) {
		report('readme-sections', 'the README must start with "# <title>"', README_FILE)
	} else if (typeof metadataTitle === 'string' && title.text !== metadataTitle.trim()) {
		report('readme-sections', `the README title "# ${title.text}" differs from the title in exercise.json ("${metadataTitle}")`, README_FILE)
	}
	const sections = headings.filter((heading) => heading.level === 2).map((heading) => heading.text)
	const missing = required.filter((section) => !sections.some((text) => sameHeading(text, section)))
	if (missing.length > 0) {
		report('readme-sections', `the README lacks the section${missing.length > 1 ? 's' : ''} ${missing.map((section) => `"## ${section}"`).join(', ')}`, README_FILE)
		return
	}
	const order = required.map((section) => sections.findIndex((text) => sameHeading(text, section)))
	if (order.some((index, position) => position > 0 && index < (order[position - 1] as number))) {
		report('readme-sections', `the README sections must come in this order: ${required.map((s) => `"## ${s}"`).join(', ')}`, README_FILE)
	}
	const extra = sections.filter((text) => !required.some((section) => sameHeading(text, section)))
	if (extra.length > 0) {
		report(
			'readme-sections',
			`the README has extra sections (${extra.map((text) => `"## ${text}"`).join(', ')}); use exactly ${required.slice(0, -1).join(', ')} and ${required.at(-1)} (### subsections are fine)`,
			README_FILE,
		)
	}
}

function checkSrcSize(folder: ExerciseFolder, report: Report) {
	const codeFiles = codeFilePaths(folder.src)
	const lines = codeFiles.reduce((total, path) => total + countLines(folder.src[path] as string), 0)
	if (codeFiles.length < SRC_FILE_RANGE.min || codeFiles.length > SRC_FILE_RANGE.max) {
		report(
			'src-size',
			`src/ has ${codeFiles.length} code file${codeFiles.length === 1 ? '' : 's'}; a believable system has ${SRC_FILE_RANGE.min} to ${SRC_FILE_RANGE.max}`,
			'src/',
		)
	}
	if (lines < SRC_LINE_RANGE.min || lines > SRC_LINE_RANGE.max) {
		report('src-size', `src/ has ${lines} lines of code; it must have ${SRC_LINE_RANGE.min} to ${SRC_LINE_RANGE.max}`, 'src/')
	}
	return { files: codeFiles.length, lines }
}


function checkImports(folder: ExerciseFolder, report: Report) {
	const solved = solvedSrc(folder)
	const tree = { ...solved, ...folder.src, ...folder.visibleTests, ...folder.hiddenTests }
	const allowSimulation = isArchitecture(folder.metadata)
	const testModules = allowSimulation ? `"vitest", "${SIMULATION_MODULE}"` : '"vitest"'
	// A solution file's imports resolve from the src/ path it replaces.
	const checkFile = (path: string, text: string, files: ExerciseFiles, allowVitest: boolean, resolveFrom = path) => {
		for (const specifier of importSpecifiers(text)) {
			if (specifier === 'vitest' && allowVitest) continue
			if (specifier === SIMULATION_MODULE && allowVitest && allowSimulation) continue
			if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
				const why =
					specifier === SIMULATION_MODULE && allowVitest
						? `"${SIMULATION_MODULE}" is for the scenarios of architecture exercises (kind "architecture")`
						: allowVitest
							? `tests may import only ${testModules} and relative paths`
							: 'exercise code may import only relative paths (no packages, no node:*)'
				report('imports', `${path} imports "${specifier}"; ${why}`, path)
				continue
			}
			if (/\.(?:[cm]?[jt]s)$/.test(specifier)) {
				report('imports', `${path} imports "${specifier}" with a file extension; write relative imports without one ("./ledger")`, path)
				continue
			}
			if (!resolveImport(resolveFrom, specifier, files)) {
				report('imports', `${path} imports "${specifier}", which is not a file of the exercise`, path)
			}
		}
	}
	for (const [path, text] of Object.entries(folder.src)) if (CODE_FILE_PATTERN.test(path)) checkFile(path, text, folder.src, false)
	for (const [path, text] of Object.entries(folder.solution)) {
		if (CODE_FILE_PATTERN.test(path)) checkFile(path, text, solved, false, srcPathOfSolutionFile(path))
	}
	for (const [path, text] of Object.entries({ ...folder.visibleTests, ...folder.hiddenTests })) {
		if (CODE_FILE_PATTERN.test(path)) checkFile(path, text, tree, true)
	}
}

function checkPlaceholders(folder: ExerciseFolder, report: Report) {
	const files: Record<string, string | undefined> = {
		[METADATA_FILE]: JSON.stringify(folder.metadata ?? null),
		[README_FILE]: folder.readme,
		...folder.src,
		...folder.visibleTests,
		...folder.hiddenTests,
		...folder.solution,
	}
	for (const [path, text] of Object.entries(files)) {
		if (text?.includes(PLACEHOLDER_MARKER)) {
			report('placeholder', `${path} still contains scaffold placeholders ("${PLACEHOLDER_MARKER}"); replace them with the real text`, path)
		}
	}
}

function solutionEqualsStarter(folder: ExerciseFolder) {
	const entries = Object.entries(folder.solution)
	return (
		entries.length > 0 &&
		entries.every(([path, text]) => {
			const starter = folder.src[srcPathOfSolutionFile(path)]
			if (starter === undefined) return false
			const diff = diffLines(starter, text)
			return diff.removedLines.length + diff.addedLines.length === 0
		})
	)
}

function checkSolutionOverlay(folder: ExerciseFolder, report: Report, solutionIsStarter: boolean) {
	const solved = solvedSrc(folder)
	for (const [path, text] of Object.entries(folder.solution)) {
		const target = srcPathOfSolutionFile(path)
		const starter = folder.src[target]
		if (starter === undefined) {
			if (path.startsWith('solution/src/')) {
				report('solution-overlay', `${path} should be solution/${path.slice('solution/src/'.length)}: solution files mirror their path relative to src/`, path)
			} else if (!importedBySomeFile(target, solved)) {
				report(
					'solution-overlay',
					`${path} replaces no file in src/ (there is no ${target}) and no file imports it as a new module; check the path`,
					path,
				)
			}
		} else {
			const diff = diffLines(starter, text)
			if (diff.removedLines.length + diff.addedLines.length === 0 && !solutionIsStarter) {
				report('solution-overlay', `${path} is identical to ${target}; the solution holds only the files the fix changes`, path)
			}
		}
	}
}

function checkRootCauseLocations(folder: ExerciseFolder, report: Report, solutionIsStarter: boolean) {
	const rootCause = RootCauseSchema.shape.locations.safeParse(
		((folder.metadata as Record<string, unknown> | undefined)?.rootCause as Record<string, unknown> | undefined)?.locations,
	)
	if (!rootCause.success) return // already reported by the schema rule
	for (const location of rootCause.data) {
		const { file, startLine, endLine } = location
		const range = startLine === endLine ? `line ${startLine}` : `lines ${startLine}-${endLine}`
		const starter = folder.src[file]
		if (starter === undefined) {
			report('root-cause-location', `rootCause.locations names ${file}, which is not a file in src/`, METADATA_FILE)
			continue
		}
		const lineCount = countLines(starter)
		if (endLine > lineCount) {
			report('root-cause-location', `rootCause.locations names ${file} ${range}, but the starter file has only ${lineCount} lines`, METADATA_FILE)
			continue
		}
		const solutionPath = `solution/${file.slice('src/'.length)}`
		const solution = folder.solution[solutionPath]
		if (solution === undefined) {
			report(
				'root-cause-location',
				`the root cause is in ${file} ${range}, but the solution does not change that file (no ${solutionPath})`,
				METADATA_FILE,
			)
			continue
		}
		const diff = diffLines(starter, solution)
		if (!diffTouchesRange(diff, startLine, endLine) && !solutionIsStarter) {
			report(
				'root-cause-location',
				`the root cause is in ${file} ${range}, but the solution ${describeDiff(diff)} of that file, nothing inside the range; fix the range or the solution`,
				METADATA_FILE,
			)
		}
	}
}

function checkLeaks(folder: ExerciseFolder, report: Report) {
	const learnerSees = { ...folder.src, [README_FILE]: folder.readme }
	// Stage briefs and the record's guidance reach the learner too, from exercise.json.
	const architecture = ArchitectureSchema.safeParse((folder.metadata as Record<string, unknown> | undefined)?.architecture)
	const learnerReadsLater = architecture.success
		? { [METADATA_FILE]: [architecture.data.decisionRecord.guidance, ...Object.values(architecture.data.decisionRecord.prompts), ...architecture.data.stages.map((stage) => stage.brief)].join('\n') }
		: {}
	for (const leak of findLeaks(distinctiveSolutionLines(folder), { ...learnerSees, ...learnerReadsLater })) {
		report('no-leak', `${leak.foundIn} line ${leak.foundAtLine} gives away the reference fix: it contains "${leak.line}" from ${leak.file}`, leak.foundIn)
	}
	checkAlternativeLeaks(folder, { ...learnerSees, ...learnerReadsLater }, report)
	for (const leak of findLeaks(distinctiveHiddenTestLines(folder), learnerSees)) {
		report('no-leak', `${leak.foundIn} line ${leak.foundAtLine} reveals a hidden test: it contains "${leak.line}" from ${leak.file}`, leak.foundIn)
	}
}

async function checkRuns(
	folder: ExerciseFolder,
	run: RunTests,
	report: Report,
	solutionIsStarter: boolean,
	stages: ArchitectureStage[] | undefined,
): Promise<{ starter: ExerciseReport['starter']; stages?: ExerciseReport['stages'] } | undefined> {
	const visible = testFilePaths(folder.visibleTests)
	const hidden = testFilePaths(folder.hiddenTests)
	if (visible.length + hidden.length === 0) return undefined
	const limits = exerciseLimits(folder.metadata)
	const tests = { ...folder.visibleTests, ...folder.hiddenTests }
	const testFiles = [...visible, ...hidden]
	const [starterRun, solutionRun] = await Promise.all([
		run({ files: { ...folder.src, ...tests }, testFiles, limits }),
		Object.keys(folder.solution).length > 0 ? run({ files: { ...solvedSrc(folder), ...tests }, testFiles, limits }) : undefined,
	])

	const starter = { visible: tally(starterRun, 'tests/visible/'), hidden: tally(starterRun, 'tests/hidden/') }
	const stageTallies = stages?.map((stage, index) => ({ stage: index + 1, ...scenarioTally(starterRun, stage) }))
	const outcome = { starter, ...(stageTallies ? { stages: stageTallies } : {}) }
	if (solutionIsStarter) {
		const where = Object.keys(folder.solution).join(', ')
		if (starter.visible.failing + starter.hidden.failing === 0 && starterRun.tests.length > 0) {
			report('starter-fails', `src/ already holds the fix: ${where} equals the starter and every test passes on the starter`, 'src/')
		} else {
			report('solution-passes', `${where} equals the starter, so the solution fixes nothing`, 'solution/')
		}
		return outcome
	}
	if (starterRun.tests.length === 0) {
		report('starter-fails', `the starter ran no test${runTrouble(starterRun)}; a learner would see nothing but an error`)
	} else if (stages) {
		checkStarterScenarios(starterRun, stages, report)
	} else {
		if (starter.visible.failing === 0) {
			report('starter-fails', `no visible test fails on the starter (${starter.visible.total} pass); the learner must see the symptom in at least one`, 'tests/visible/')
		}
		if (starter.hidden.failing === 0) {
			report('starter-fails', `no hidden test fails on the starter (${starter.hidden.total} pass); grading could not tell a fix from no fix`, 'tests/hidden/')
		}
	}

	if (solutionRun) {
		const failing = solutionRun.tests.filter((test) => test.status !== 'pass')
		if (solutionRun.tests.length === 0) {
			report('solution-passes', `the solution ran no test${runTrouble(solutionRun)}`, 'solution/')
		} else if (failing.length > 0 || solutionRun.status !== 'pass') {
			const details = failing.slice(0, 5).map(describeTest).join('; ')
			const more = failing.length > 5 ? `; and ${failing.length - 5} more` : ''
			report(
				'solution-passes',
				failing.length > 0
					? `with the solution, ${failing.length} of ${solutionRun.tests.length} tests do not pass: ${details}${more}`
					: `the solution run ended with status "${solutionRun.status}"${runTrouble(solutionRun)}`,
				'solution/',
			)
		}
		for (const file of testFiles) {
			if (solutionRun.tests.length > 0 && !solutionRun.tests.some((test) => sameTestFile(test.file, file))) {
				report('solution-passes', `${file} ran no test with the solution; every test file must contribute tests`, file)
			}
		}
		if (stages && solutionRun.tests.length > 0) checkSolutionScenarios(solutionRun, stages, report)
	}
	return outcome
}

function exerciseLimits(metadata: unknown): Partial<SandboxLimits> | undefined {
	const limits = ExerciseLimitsSchema.safeParse((metadata as Record<string, unknown> | undefined)?.limits)
	return limits.success ? limits.data : undefined
}

function markdownHeadings(markdown: string) {
	const headings: Array<{ level: number; text: string }> = []
	let fence: string | undefined
	for (const line of splitLines(markdown)) {
		const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
		if (fenceMatch) {
			const marker = fenceMatch[1] as string
			if (fence === undefined) fence = marker
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
			continue
		}
		if (fence !== undefined) continue
		const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
		if (heading) headings.push({ level: (heading[1] as string).length, text: heading[2] as string })
	}
	return headings
}

function sameHeading(text: string, section: string) {
	return text.trim().toLowerCase() === section.toLowerCase()
}
