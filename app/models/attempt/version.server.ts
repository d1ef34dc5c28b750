// The exercise version an attempt is on. A version's content never changes (a changed folder
// is a new version), so what every request needs of it is kept in memory; the hidden tests
// stay in the database until a grading plays them.
import type { Files } from '#app/attempts/code-history.ts'
import { pickFiles, srcFiles, visibleTestFiles } from '#app/attempts/files.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { RunLimits } from '#app/runner/index.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export type ExerciseVersionContent = {
	id: string
	metadata: ExerciseMetadata
	publicFiles: Files
	/** The src/ files as the exercise ships them: the paths a learner may write. */
	starter: Files
	visibleTests: Files
	/** The exercise's own sandbox limits; the runner's defaults fill in the rest. */
	limits: Partial<RunLimits>
}

const versionCache = new Map<string, ExerciseVersionContent>()
const VERSION_CACHE_SIZE = 200

export async function versionContent(db: Prisma.TransactionClient, versionId: string): Promise<ExerciseVersionContent> {
	const cached = versionCache.get(versionId)
	if (cached) return cached
	const version = await db.exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { metadata: true, publicFiles: true } })
	const metadata = version.metadata as ExerciseMetadata
	const publicFiles = version.publicFiles as Files
	const content = {
		id: versionId,
		metadata,
		publicFiles,
		starter: srcFiles(publicFiles),
		visibleTests: visibleTestFiles(publicFiles),
		limits: { ...(metadata.limits ?? {}) },
	}
	if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value!)
	versionCache.set(versionId, content)
	return content
}

/** Every hidden test file of a version: what grades a diagnosis. They never reach the browser. */
export async function hiddenTestsOf(versionId: string): Promise<Files> {
	const version = await getPrisma().exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { hiddenTests: true } })
	return version.hiddenTests as Files
}

/**
 * The hidden test files a stage plays, and no others: anything the sandbox receives, the
 * learner's code could import and so play or print, and the other stage's files are either
 * not open yet (stage 2's, while grading stage 1) or grading scenarios never run on demand.
 */
export async function stageHiddenFiles(versionId: string, testFiles: string[]): Promise<Files> {
	return pickFiles(await hiddenTestsOf(versionId), testFiles)
}
