// Turns validation results into the text report of `npm run exercises:check`, and
// measures how well the catalogue covers the taxonomy and the difficulty range. Pure.
import { DIFFICULTY_BANDS, FAMILY_GOALS, type FamilyMember, type FamilySummary, difficultyBand, familySummaries } from './families.ts'
import { FIX_PROOFS_ENFORCED, missingFixProofs } from './fix-proofs.ts'
import { ROOT_CAUSE_CATEGORY_IDS } from './taxonomy.ts'
import { type ExerciseReport, type TestTally } from './validate.ts'

export type CatalogueCoverage = {
	categoriesCovered: string[]
	categoriesMissing: string[]
	/** Exercises per band centre (900 = 750..1049), plus those outside every band. */
	difficultyBands: Array<{ centre: number; count: number }>
	outsideBands: number
}

/** The goal for the taxonomy: every category has at least one exercise. */
const CATEGORY_GOAL = ROOT_CAUSE_CATEGORY_IDS.length

export function catalogueCoverage(members: Array<Pick<FamilyMember, 'category' | 'difficulty'>>): CatalogueCoverage {
	const covered = new Set(members.map((member) => member.category).filter((category) => category !== undefined))
	const bands = members.map((member) => member.difficulty).filter((difficulty) => difficulty !== undefined).map(difficultyBand)
	return {
		categoriesCovered: ROOT_CAUSE_CATEGORY_IDS.filter((id) => covered.has(id)),
		categoriesMissing: ROOT_CAUSE_CATEGORY_IDS.filter((id) => !covered.has(id)),
		difficultyBands: DIFFICULTY_BANDS.map((centre) => ({ centre, count: bands.filter((band) => band === centre).length })),
		outsideBands: bands.filter((band) => band === undefined).length,
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
/**
 * Everything after the per-exercise lines: the problems, then the catalogue: its coverage of
 * the taxonomy and the difficulty bands, its bug families, the goals not met yet. `others` are
 * the rest of the catalogue when only some exercises were checked; the family lines then
 * show only the families of those.
 */
export function formatCatalogueSummary(reports: ExerciseReport[], { others = [] }: { others?: FamilyMember[] } = {}): string {
	const lines: string[] = []
	const problems = reports.flatMap((report) => report.problems)
	if (problems.length > 0) {
		lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'}:`)
		for (const problem of problems) {
			lines.push(`  ✗ ${problem.slug}${problem.file ? ` › ${problem.file}` : ''} [${problem.rule}] ${problem.message}`)
		}
	}
	const valid = reports.filter((report) => report.problems.length === 0).length
	const catalogue = [...reports, ...others]
	const coverage = catalogueCoverage(catalogue)
	const kinds = (kind: string) => catalogue.filter((member) => member.kind === kind).length
	const checkedFamilies = new Set(reports.map((report) => report.family))
	const families = familySummaries(catalogue).filter((summary) => others.length === 0 || checkedFamilies.has(summary.family))
	lines.push(
		'',
		`${reports.length} exercise${reports.length === 1 ? '' : 's'}, ${valid} valid.`,
		`Catalogue: ${catalogue.length} exercise${catalogue.length === 1 ? '' : 's'}, ${kinds('debugging')} debugging, ${kinds('architecture')} architecture.`,
		`Root causes covered: ${coverage.categoriesCovered.length}/${ROOT_CAUSE_CATEGORY_IDS.length} (goal ${CATEGORY_GOAL})` +
			(coverage.categoriesMissing.length > 0 ? `; missing: ${coverage.categoriesMissing.join(', ')}` : ''),
		`Difficulty: ${coverage.difficultyBands.map((band) => `≈${band.centre}: ${band.count}`).join(', ')}` +
			(coverage.outsideBands > 0 ? `, outside the bands: ${coverage.outsideBands}` : ''),
		...formatFamilies(families, { all: others.length === 0 }),
		...formatFixProofWarning(reports),
	)
	return lines.join('\n')
}

/** One line per family (variants, categories, bands), then the families short of FAMILY_GOALS. */
export function formatFamilies(families: FamilySummary[], { all = true }: { all?: boolean } = {}): string[] {
	if (families.length === 0) return []
	const width = Math.max(...families.map((summary) => summary.family.length))
	const lines = [
		all
			? `Bug families: ${families.length} (goal: each with ${FAMILY_GOALS.variants} variants or more, in ${FAMILY_GOALS.bands} difficulty bands or more)`
			: `Bug famil${families.length === 1 ? 'y' : 'ies'} of ${families.length === 1 ? 'this exercise' : 'these exercises'} (goal: ${FAMILY_GOALS.variants} variants or more, in ${FAMILY_GOALS.bands} difficulty bands or more)`,
		...families.map(
			(summary) =>
				`  ${summary.family.padEnd(width)}  ${`${summary.variants.length} variant${summary.variants.length === 1 ? '' : 's'}`.padEnd(10)}  ${(summary.categories.join(' / ') || '?').padEnd(22)}  ${summary.bands.map((band) => `≈${band}`).join(' ') || 'no band'}`,
		),
	]
	const fewVariants = families.filter((summary) => summary.variants.length < FAMILY_GOALS.variants)
	const fewBands = families.filter((summary) => summary.bands.length < FAMILY_GOALS.bands)
	if (fewVariants.length + fewBands.length > 0) lines.push('Goals not met yet:')
	if (fewVariants.length > 0) {
		lines.push(`  ${fewVariants.length} famil${fewVariants.length === 1 ? 'y has' : 'ies have'} fewer than ${FAMILY_GOALS.variants} variants:`)
		lines.push(...wrapList(fewVariants.map((summary) => `${summary.family} (${summary.variants.length})`), 110, '    '))
	}
	if (fewBands.length > 0) {
		lines.push(`  ${fewBands.length} famil${fewBands.length === 1 ? 'y spans' : 'ies span'} fewer than ${FAMILY_GOALS.bands} difficulty bands:`)
		lines.push(...wrapList(fewBands.map((summary) => `${summary.family} (${summary.bands.map((band) => `≈${band}`).join(' ') || 'none'})`), 110, '    '))
	}
	return lines
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
