// Fix proofs: alternatives/<name>/ are other correct fixes, which must pass every test, so the
// hidden tests are shown to grade behaviour rather than the reference fix's shape; patches/<name>/
// are plausible wrong fixes (a symptom patched in the caller), each of which some hidden test
// must catch. Both are laid over src/ like solution/, and both stay on the server. Pure.
import { type ExerciseFiles, type ExerciseFolder, solvedSrc, splitLines, srcPathOfSolutionFile, testFilePaths } from './exercise-folder.ts'
import { importedBySomeFile } from './exercise-imports.ts'
import { distinctiveSolutionLines, findLeaks } from './leaks.ts'
import { diffLines } from './line-diff.ts'
import { describeTest, isFailing, normalizeTestFile, runTrouble } from './run-results.ts'
import type { SandboxLimits, SandboxRunResult, SandboxTestResult } from './sandbox.ts'
import type { Report, RunTests } from './validate.ts'

export type FixKind = 'alternatives' | 'patches'

/** How many of each an exercise must have (rule fix-proofs), by kind of exercise. */
export const REQUIRED_FIX_PROOFS = {
	debugging: { alternatives: 1, patches: 2 },
	architecture: { alternatives: 1, patches: 1 },
} as const

/**
 * Whether a missing alternative or patch is a problem of the exercise, or only a line at the
 * end of the catalogue report. The exercises written before fix proofs existed do not have
 * them yet; once every exercise does, this becomes true and the rule fails an exercise.
 */
export const FIX_PROOFS_ENFORCED = false

export type FixProofCount = { alternatives: number; patches: number }

export function fixProofCount(folder: Pick<ExerciseFolder, 'alternatives' | 'patches'>): FixProofCount {
	return { alternatives: Object.keys(folder.alternatives).length, patches: Object.keys(folder.patches).length }
}

/** What the exercise lacks of REQUIRED_FIX_PROOFS ("1 alternative, 2 patches"), or undefined when it has them. */
export function missingFixProofs(kind: string | undefined, count: FixProofCount): string | undefined {
	const required = kind === 'architecture' ? REQUIRED_FIX_PROOFS.architecture : REQUIRED_FIX_PROOFS.debugging
	const missing: string[] = []
	const alternatives = required.alternatives - count.alternatives
	const patches = required.patches - count.patches
	if (alternatives > 0) missing.push(`${alternatives} alternative${alternatives === 1 ? '' : 's'}`)
	if (patches > 0) missing.push(`${patches} patch${patches === 1 ? '' : 'es'}`)
	return missing.length > 0 ? missing.join(', ') : undefined
}

/** Rule fix-proofs, once enforced: the exercise proves its hidden tests with enough alternatives and patches. */
export function checkFixProofCount(folder: ExerciseFolder, kind: string | undefined, report: Report, enforced = FIX_PROOFS_ENFORCED) {
	const missing = missingFixProofs(kind, fixProofCount(folder))
	if (!enforced || missing === undefined) return
	const required = kind === 'architecture' ? REQUIRED_FIX_PROOFS.architecture : REQUIRED_FIX_PROOFS.debugging
	report(
		'fix-proofs',
		`add ${missing}: an exercise needs at least ${required.alternatives} other correct fix in alternatives/<name>/ and ${required.patches} plausible wrong fix${required.patches === 1 ? '' : 'es'} in patches/<name>/, laid over src/ like solution/`,
	)
}

/** Layout of alternatives/ and patches/: named folders that hold files replacing src/ files, like solution/. */
export function checkFixFolders(folder: ExerciseFolder, report: Report) {
	for (const path of folder.emptyFolders ?? []) {
		report('layout', `${path} is empty; give it the files the fix changes, at their path relative to src/, or delete it`, path)
	}
	for (const kind of ['alternatives', 'patches'] as const) {
		for (const [name, files] of Object.entries(folder[kind])) {
			const where = `${kind}/${name}/`
			const tree = solvedSrc({ src: folder.src, solution: files })
			let changesSomething = false
			for (const [path, text] of Object.entries(files)) {
				const shown = `${where}${path.slice('solution/'.length)}`
				const target = srcPathOfSolutionFile(path)
				const starter = folder.src[target]
				if (starter === undefined) {
					if (path.startsWith('solution/src/')) {
						report('layout', `${shown} should be ${where}${path.slice('solution/src/'.length)}: files of a fix mirror their path relative to src/`, shown)
					} else if (!importedBySomeFile(target, tree)) {
						report('layout', `${shown} replaces no file in src/ (there is no ${target}) and no file imports it as a new module; check the path`, shown)
					} else {
						changesSomething = true
					}
					continue
				}
				const diff = diffLines(starter, text)
				if (diff.removedLines.length + diff.addedLines.length === 0) {
					report('layout', `${shown} is identical to ${target}; a fix holds only the files it changes`, shown)
				} else {
					changesSomething = true
				}
			}
			if (kind === 'alternatives' && changesSomething && sameFiles(files, folder.solution)) {
				report('layout', `${where} is the reference solution again; an alternative must fix the cause differently (another layer, another technique)`, where)
			}
		}
	}
}

function sameFiles(a: ExerciseFiles, b: ExerciseFiles) {
	const keys = Object.keys(a)
	return (
		keys.length === Object.keys(b).length &&
		keys.every((key) => {
			const other = b[key]
			if (other === undefined) return false
			const diff = diffLines(other, a[key] as string)
			return diff.addedLines.length + diff.removedLines.length === 0
		})
	)
}

/**
 * An alternative is a correct fix the learner could have found: a distinctive line of it in
 * the README or a comment of src/ gives that fix away as much as a line of the reference
 * does. In the code of src/ such a line is code the alternative reuses (it calls what
 * the starter calls elsewhere), not a leak. Patches are wrong fixes, often the very thing a
 * brief says was tried: not checked.
 */
export function checkAlternativeLeaks(folder: ExerciseFolder, learnerReads: Record<string, string | undefined>, report: Report) {
	const reference = new Set(distinctiveSolutionLines(folder).map((line) => line.line))
	const readable = Object.fromEntries(Object.entries(learnerReads).map(([path, text]) => [path, path.startsWith('src/') && text !== undefined ? commentsOnly(text) : text]))
	for (const [name, files] of Object.entries(folder.alternatives)) {
		const lines = distinctiveSolutionLines({ src: folder.src, solution: files }).filter((line) => !reference.has(line.line))
		for (const leak of findLeaks(lines, readable)) {
			report('no-leak', `${leak.foundIn} line ${leak.foundAtLine} gives away a correct fix: it contains "${leak.line}" from alternatives/${name}/${leak.file.slice('solution/'.length)}`, leak.foundIn)
		}
	}
}

/** The comments of a source file, line for line (code blanked), so line numbers stay the file's. */
export function commentsOnly(source: string): string {
	let inBlock = false
	return splitLines(source)
		.map((line) => {
			let comment = ''
			let rest = line
			while (rest !== '') {
				if (inBlock) {
					const end = rest.indexOf('*/')
					comment += ` ${end === -1 ? rest : rest.slice(0, end)}`
					inBlock = end === -1
					rest = end === -1 ? '' : rest.slice(end + 2)
					continue
				}
				const lineComment = /(?:^|[^:'"`\\])\/\/(.*)$/.exec(rest)
				const block = rest.indexOf('/*')
				if (block !== -1 && (lineComment === null || block < lineComment.index)) {
					inBlock = true
					rest = rest.slice(block + 2)
					continue
				}
				if (lineComment) comment += ` ${lineComment[1]}`
				rest = ''
			}
			return comment.trim()
		})
		.join('\n')
}

const isHiddenTest = (test: SandboxTestResult) => normalizeTestFile(test.file).startsWith('tests/hidden/')

/**
 * Plays every test with each alternative and each patch laid over src/: an alternative must
 * pass them all (for an architecture exercise, every scenario of both stages), a patch must
 * fail at least one hidden test (miss a hidden scenario).
 */
export async function checkFixRuns(folder: ExerciseFolder, run: RunTests, report: Report, limits: Partial<SandboxLimits> | undefined) {
	const tests = { ...folder.visibleTests, ...folder.hiddenTests }
	const testFiles = [...testFilePaths(folder.visibleTests), ...testFilePaths(folder.hiddenTests)]
	if (testFiles.length === 0) return
	const play = (files: ExerciseFiles) => run({ files: { ...solvedSrc({ src: folder.src, solution: files }), ...tests }, testFiles, limits })
	await Promise.all([
		...Object.entries(folder.alternatives).map(async ([name, files]) => checkAlternativeRun(`alternatives/${name}`, await play(files), report)),
		...Object.entries(folder.patches).map(async ([name, files]) => checkPatchRun(`patches/${name}`, await play(files), report)),
	])
}

export function checkAlternativeRun(where: string, result: SandboxRunResult, report: Report) {
	const notPassing = result.tests.filter((test) => test.status !== 'pass')
	if (result.tests.length === 0) {
		report('alternative-passes', `${where} ran no test${runTrouble(result)}; a correct fix must pass every visible and hidden test`, `${where}/`)
	} else if (notPassing.length > 0) {
		report('alternative-passes', `${where} is meant to be a correct fix, but ${notPassing.length} of ${result.tests.length} tests do not pass with it: ${listTests(notPassing)}. If it is correct, the tests grade the reference fix's shape rather than behaviour`, `${where}/`)
	} else if (result.status !== 'pass') {
		report('alternative-passes', `the run with ${where} ended with status "${result.status}"${runTrouble(result)}`, `${where}/`)
	}
}

export function checkPatchRun(where: string, result: SandboxRunResult, report: Report) {
	const hidden = result.tests.filter(isHiddenTest)
	if (result.tests.length === 0) {
		report('patch-caught', `${where} ran no test${runTrouble(result)}; a plausible wrong fix still runs, and some hidden test must fail with it`, `${where}/`)
	} else if (!hidden.some(isFailing)) {
		const visibleFailing = result.tests.filter((test) => !isHiddenTest(test) && isFailing(test))
		const visible = visibleFailing.length > 0 ? ` (it fails ${visibleFailing.length} visible test${visibleFailing.length === 1 ? '' : 's'}, which the learner sees anyway)` : ''
		report(
			'patch-caught',
			`${where} is a wrong fix, but it passes all ${hidden.length} hidden tests${visible}: ${listTests(hidden, 3)}. Strengthen the hidden tests so that one of them fails with it`,
			`${where}/`,
		)
	}
}

function listTests(tests: SandboxTestResult[], max = 5) {
	const more = tests.length > max ? `; and ${tests.length - max} more` : ''
	return tests.slice(0, max).map(describeTest).join('; ') + more
}
