// Turns validation results into the text report of `npm run exercises:check`, and
// measures how well the catalogue covers the taxonomy and the difficulty range. Pure.
import { FIX_PROOFS_ENFORCED, missingFixProofs } from './fix-proofs.ts'
import { ROOT_CAUSE_CATEGORY_IDS } from './taxonomy.ts'
import { type ExerciseReport, type TestTally } from './validate.ts'

const DIFFICULTY_BANDS = [900, 1200, 1500, 1800] as const
const DIFFICULTY_BAND_HALF_WIDTH = 150

export type CatalogueCoverage = {
	categoriesCovered: string[]
	categoriesMissing: string[]
	/** Exercises per band centre (900 = 750..1049), plus those outside every band. */
	difficultyBands: Array<{ centre: number; count: number }>
	outsideBands: number
}

export function catalogueCoverage(reports: ExerciseReport[]): CatalogueCoverage {
	const covered = new Set(reports.map((report) => report.category).filter((category) => category !== undefined))
	const difficulties = reports.map((report) => report.difficulty).filter((difficulty) => difficulty !== undefined)
	const bandOf = (difficulty: number) =>
		DIFFICULTY_BANDS.find((centre) => difficulty >= centre - DIFFICULTY_BAND_HALF_WIDTH && difficulty < centre + DIFFICULTY_BAND_HALF_WIDTH)
	return {
		categoriesCovered: ROOT_CAUSE_CATEGORY_IDS.filter((id) => covered.has(id)),
		categoriesMissing: ROOT_CAUSE_CATEGORY_IDS.filter((id) => !covered.has(id)),
		difficultyBands: DIFFICULTY_BANDS.map((centre) => ({
			centre,
			count: difficulties.filter((difficulty) => bandOf(difficulty) === centre).length,
		})),
		outsideBands: difficulties.filter((difficulty) => bandOf(difficulty) === undefined).length,
	}
}

export function formatExerciseLine(report: ExerciseReport): string {
	const mark = report.problems.length === 0 ? '✓' : '✗'
	const fields = [
		report.slug,
		report.kind ?? '?',
		report.category ?? '?',
		report.difficulty ?? '?',
		`src ${report.srcFiles} files/${report.srcLines} lines`,
	]
	if (report.starter) {
		const { visible, hidden } = report.starter
		fields.push(`tests ${visible.total} visible/${hidden.total} hidden`)
		if (report.stages) fields.push(`starter fails ${report.stages.map((stage) => `stage ${stage.stage} ${failing(stage)}`).join(', ')} scenarios`)
		else fields.push(`starter fails ${failing(visible)} visible, ${failing(hidden)} hidden`)
	} else {
		fields.push('tests not run')
	}
	if (report.fixes) fields.push(`fixes ${plural(report.fixes.alternatives, 'alternative')}, ${plural(report.fixes.patches, 'patch', 'patches')}`)
	return `${mark} ${fields.join('  ')}`
}

export function formatCatalogueReport(reports: ExerciseReport[]): string {
	return [...reports.map(formatExerciseLine), formatCatalogueSummary(reports)].join('\n')
}

/** Everything after the per-exercise lines: the problems, then the coverage. */
export function formatCatalogueSummary(reports: ExerciseReport[]): string {
	const lines: string[] = []
	const problems = reports.flatMap((report) => report.problems)
	if (problems.length > 0) {
		lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'}:`)
		for (const problem of problems) {
			lines.push(`  ✗ ${problem.slug}${problem.file ? ` › ${problem.file}` : ''} [${problem.rule}] ${problem.message}`)
		}
	}
	const coverage = catalogueCoverage(reports)
	const valid = reports.filter((report) => report.problems.length === 0).length
	lines.push(
		'',
		`${reports.length} exercise${reports.length === 1 ? '' : 's'}, ${valid} valid.`,
		`Root causes covered: ${coverage.categoriesCovered.length}/${ROOT_CAUSE_CATEGORY_IDS.length}` +
			(coverage.categoriesMissing.length > 0 ? ` (missing: ${coverage.categoriesMissing.join(', ')})` : ''),
		`Difficulty: ${coverage.difficultyBands.map((band) => `≈${band.centre}: ${band.count}`).join(', ')}` +
			(coverage.outsideBands > 0 ? `, outside the bands: ${coverage.outsideBands}` : ''),
		...formatFixProofWarning(reports),
	)
	return lines.join('\n')
}

/** Exercises short of REQUIRED_FIX_PROOFS while the rule is not enforced: a list to work through, not a failure. */
export function formatFixProofWarning(reports: ExerciseReport[], enforced = FIX_PROOFS_ENFORCED): string[] {
	if (enforced) return []
	const missing = reports.flatMap((report) => {
		const lacking = report.fixes && missingFixProofs(report.kind, report.fixes)
		return lacking ? [`${report.slug} (${lacking})`] : []
	})
	if (missing.length === 0) return []
	return [
		`Fix proofs missing in ${missing.length} of ${reports.length} exercise${reports.length === 1 ? '' : 's'} (a warning until every exercise has them, then rule fix-proofs): add alternatives/<name>/ and patches/<name>/ to`,
		...wrapList(missing),
	]
}

/** Items joined by ", " in indented lines of at most `width` characters, so a long list stays readable. */
export function wrapList(items: string[], width = 110, indent = '  '): string[] {
	const lines: string[] = []
	let line = ''
	for (const [index, item] of items.entries()) {
		const piece = index < items.length - 1 ? `${item},` : item
		if (line !== '' && indent.length + line.length + 1 + piece.length > width) {
			lines.push(indent + line)
			line = piece
		} else {
			line = line === '' ? piece : `${line} ${piece}`
		}
	}
	if (line !== '') lines.push(indent + line)
	return lines
}

function plural(count: number, singular: string, pluralForm = `${singular}s`) {
	return `${count} ${count === 1 ? singular : pluralForm}`
}

function failing(tally: TestTally) {
	return `${tally.failing}/${tally.total}`
}
