// Bug families: a family is one root-cause class, and its variants are debugging exercises
// set in different systems. Rules across a family's variants (one category, no renamed
// copies) and what the catalogue report says about the families (how many variants, which
// difficulty bands). Pure.
import { type ExerciseFolder, METADATA_FILE } from './exercise-folder.ts'
import { type LineShapes, MAX_SHARED_LINES, codeBaseShapes, sharedLineShare } from './similarity.ts'
import type { ExerciseProblem } from './validate.ts'

export const DIFFICULTY_BANDS = [900, 1200, 1500, 1800] as const
const DIFFICULTY_BAND_HALF_WIDTH = 150
/** What the catalogue aims at for each family: this many variants, in at least this many difficulty bands. */
export const FAMILY_GOALS = { variants: 3, bands: 2 } as const

/** The band centre a difficulty falls in (900 = 750..1049), or undefined outside every band. */
export function difficultyBand(difficulty: number): number | undefined {
	return DIFFICULTY_BANDS.find((centre) => difficulty >= centre - DIFFICULTY_BAND_HALF_WIDTH && difficulty < centre + DIFFICULTY_BAND_HALF_WIDTH)
}

/** What the family rules read from an exercise.json, whether or not it passed the schema. */
export type FamilyMember = { slug: string; kind?: string; family?: string; category?: string; difficulty?: number }

export function familyMember(folder: Pick<ExerciseFolder, 'folderName' | 'metadata'>): FamilyMember {
	const metadata = (typeof folder.metadata === 'object' && folder.metadata !== null ? folder.metadata : {}) as Record<string, unknown>
	const rootCause = (metadata.rootCause ?? {}) as Record<string, unknown>
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
	return {
		slug: folder.folderName,
		kind: text(metadata.kind),
		family: text(metadata.family),
		category: text(rootCause.category),
		difficulty: typeof metadata.difficulty === 'number' ? metadata.difficulty : undefined,
	}
}

// A folder's shapes are computed once, however many variants it is compared with.
const shapesOfFolder = new WeakMap<ExerciseFolder, LineShapes>()
function shapesOf(folder: ExerciseFolder): LineShapes {
	let shapes = shapesOfFolder.get(folder)
	if (!shapes) {
		shapes = codeBaseShapes(folder.src)
		shapesOfFolder.set(folder, shapes)
	}
	return shapes
}

/**
 * Rules family-category and family-similarity for each of `folders`, against the other
 * variants of its family among `folders` and `others` (the rest of the catalogue).
 */
export function validateFamilies(folders: ExerciseFolder[], others: ExerciseFolder[] = []): ExerciseProblem[] {
	const problems: ExerciseProblem[] = []
	const everyone = [...folders, ...others]
	for (const folder of folders) {
		const member = familyMember(folder)
		if (member.kind !== 'debugging' || member.family === undefined) continue
		const variants = everyone.filter((other) => other !== folder && familyMember(other).kind === 'debugging' && familyMember(other).family === member.family)
		const differing = variants.map(familyMember).filter((other) => other.category !== undefined && other.category !== member.category)
		if (member.category !== undefined && differing.length > 0) {
			problems.push({
				slug: folder.folderName,
				file: METADATA_FILE,
				rule: 'family-category',
				message: `family "${member.family}": rootCause.category is "${member.category}", but ${differing.map((other) => `${other.slug} has "${other.category}"`).join(', ')}; every variant of a family has the same category (list other fair names in rootCause.acceptedCategories)`,
			})
		}
		for (const variant of variants) {
			const share = sharedLineShare(shapesOf(folder), shapesOf(variant))
			if (share <= MAX_SHARED_LINES) continue
			problems.push({
				slug: folder.folderName,
				file: 'src/',
				rule: 'family-similarity',
				message: `src/ shares ${Math.round(share * 100)}% of its lines with ${variant.folderName}, another variant of family "${member.family}" (names and literals aside); a variant is a different system, not a renamed copy: at most ${MAX_SHARED_LINES * 100}%`,
			})
		}
	}
	return problems
}

export type FamilySummary = {
	family: string
	variants: string[]
	categories: string[]
	/** Band centres its variants' difficulties fall in, ascending. */
	bands: number[]
}

/** Each family of the debugging exercises among `members`, with its variants, categories and bands, by name. */
export function familySummaries(members: FamilyMember[]): FamilySummary[] {
	const families = new Map<string, FamilyMember[]>()
	for (const member of members) {
		if (member.kind !== 'debugging' || member.family === undefined) continue
		families.set(member.family, [...(families.get(member.family) ?? []), member])
	}
	return [...families.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([family, variants]) => ({
			family,
			variants: variants.map((variant) => variant.slug),
			categories: [...new Set(variants.map((variant) => variant.category).filter((category) => category !== undefined))],
			bands: [...new Set(variants.map((variant) => (variant.difficulty === undefined ? undefined : difficultyBand(variant.difficulty))).filter((band) => band !== undefined))].sort(
				(a, b) => a - b,
			),
		}))
}
