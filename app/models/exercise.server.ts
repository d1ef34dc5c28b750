import path from 'node:path'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import type { Exercise as ExerciseFolder, ExerciseFolder as ExerciseFolderOnDisk } from '#app/exercises/exercise-folder.ts'
import { exerciseFromFolder, listExerciseDirs, readExerciseFolder } from '#app/exercises/load.ts'

export type ExerciseSyncReport = {
	created: string[]
	updated: string[]
	unchanged: string[]
	retired: string[]
	skipped: Array<{ folder: string; reason: string }>
}

/**
 * Proves a new or changed exercise before it is served: the problems the validator finds,
 * as messages (none when it may be served). `catalogue` is every folder read in this sync,
 * for the rules that compare exercises (unique slugs and uuids, a family's variants).
 */
export type ExerciseCheck = (folder: ExerciseFolderOnDisk, catalogue: ExerciseFolderOnDisk[]) => Promise<string[]>

type SyncOptions = {
	/** Without it only the schema is checked (tests); the server always passes the full validator. */
	check?: ExerciseCheck
	/** Called with the number of folders the check is about to prove (it takes a while). */
	onCheck?: (count: number) => void
}

/**
 * Loads every folder under `root` into the database. A folder whose content hash is new
 * becomes a new version once it passes `check`; attempts keep pointing at the version they
 * were made on. A broken folder is reported and skipped, never thrown, so one bad exercise
 * cannot stop the server; if it had a good version before, that version stays current.
 */
export async function syncExercises(prisma: PrismaClient, root: string, options: SyncOptions = {}): Promise<ExerciseSyncReport> {
	const report: ExerciseSyncReport = { created: [], updated: [], unchanged: [], retired: [], skipped: [] }
	const seen = new Set<string>()
	const folders: ExerciseFolderOnDisk[] = []
	const exercises: ExerciseFolder[] = []
	for (const dir of await listExerciseDirs(root)) {
		const folder = path.basename(dir)
		try {
			const onDisk = await readExerciseFolder(dir)
			folders.push(onDisk)
			const exercise = exerciseFromFolder(onDisk)
			if (exercise.metadata.slug !== folder) throw new Error(`${folder}: exercise.json says slug "${exercise.metadata.slug}"; it must equal the folder name`)
			exercises.push(exercise)
		} catch (error) {
			report.skipped.push({ folder, reason: error instanceof Error ? error.message : String(error) })
		}
	}
	const stored = await storedVersions(prisma, exercises)
	const changed = exercises.filter((exercise) => !stored.has(`${exercise.metadata.slug}\0${exercise.contentHash}`))
	const problems = new Map<string, string[]>()
	if (options.check && changed.length > 0) {
		options.onCheck?.(changed.length)
		const check = options.check
		const queue = [...changed]
		// Two at a time: the sandbox pool runs one exercise's runs while the next is prepared.
		const worker = async () => {
			for (let exercise = queue.shift(); exercise; exercise = queue.shift()) {
				const folder = folders.find((candidate) => candidate.folderName === exercise.metadata.slug)
				if (folder) problems.set(exercise.metadata.slug, await check(folder, folders))
			}
		}
		await Promise.all([worker(), worker()])
	}
	for (const exercise of exercises) {
		const slug = exercise.metadata.slug
		const found = problems.get(slug) ?? []
		if (found.length > 0) {
			report.skipped.push({ folder: slug, reason: `${slug} fails the exercise check, so it is not served: ${found.join('; ')}` })
			continue
		}
		try {
			const outcome = await upsertExercise(prisma, exercise)
			report[outcome].push(slug)
			seen.add(slug)
		} catch (error) {
			report.skipped.push({ folder: slug, reason: `${slug}: could not be saved (${error instanceof Error ? error.message : String(error)})` })
		}
	}
	const gone = await prisma.exercise.findMany({
		where: { retiredAt: null, slug: { notIn: [...seen] } },
		select: { id: true, slug: true },
	})
	// A folder that failed to load or to pass the check is not retired: it is broken, not removed.
	const skippedFolders = new Set(report.skipped.map((s) => s.folder))
	for (const exercise of gone.filter((e) => !skippedFolders.has(e.slug))) {
		await prisma.exercise.update({ where: { id: exercise.id }, data: { retiredAt: new Date() }, select: { id: true } })
		report.retired.push(exercise.slug)
	}
	return report
}

/** `slug\0contentHash` of every stored version of these exercises: a version stored was proven when it was stored. */
async function storedVersions(prisma: PrismaClient, exercises: ExerciseFolder[]) {
	const versions = await prisma.exerciseVersion.findMany({
		where: { contentHash: { in: exercises.map((exercise) => exercise.contentHash) } },
		select: { contentHash: true, exercise: { select: { slug: true } } },
	})
	return new Set(versions.map((version) => `${version.exercise.slug}\0${version.contentHash}`))
}

async function upsertExercise(prisma: PrismaClient, folder: ExerciseFolder): Promise<'created' | 'updated' | 'unchanged'> {
	const { metadata } = folder
	return prisma.$transaction(async (tx) => {
		const existing = await tx.exercise.findUnique({
			where: { slug: metadata.slug },
			select: { id: true, uuid: true, retiredAt: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, contentHash: true } } },
		})
		if (existing && existing.uuid !== metadata.uuid) {
			throw new Error(`its uuid changed from ${existing.uuid} to ${metadata.uuid}; a uuid identifies an exercise for good`)
		}
		const latest = existing?.versions[0]
		const summary = { kind: metadata.kind, title: metadata.title, difficulty: metadata.difficulty, family: metadata.family ?? null, retiredAt: null }
		if (existing && latest?.contentHash === folder.contentHash) {
			if (existing.retiredAt) await tx.exercise.update({ where: { id: existing.id }, data: summary, select: { id: true } })
			return 'unchanged'
		}
		const exercise = existing ?? (await tx.exercise.create({ data: { slug: metadata.slug, uuid: metadata.uuid, ...summary }, select: { id: true } }))
		const version = await tx.exerciseVersion.create({
			data: {
				exerciseId: exercise.id,
				number: (latest?.number ?? 0) + 1,
				contentHash: folder.contentHash,
				metadata: metadata as unknown as Prisma.InputJsonValue,
				brief: folder.readme ?? '',
				publicFiles: { ...folder.src, ...folder.visibleTests },
				hiddenTests: folder.hiddenTests,
				solution: folder.solution,
			},
			select: { id: true },
		})
		await tx.exercise.update({ where: { id: exercise.id }, data: { ...summary, currentVersionId: version.id }, select: { id: true } })
		return existing ? 'updated' : 'created'
	})
}

/** The catalogue as a learner may see it: never the hidden tests or the solution. */
export function listCatalogue(prisma: PrismaClient) {
	return prisma.exercise.findMany({
		where: { retiredAt: null, currentVersionId: { not: null } },
		orderBy: [{ difficulty: 'asc' }, { title: 'asc' }],
		select: { id: true, slug: true, kind: true, title: true, difficulty: true, currentVersion: { select: { number: true } } },
	})
}

/** One exercise as a learner sees it before starting, with their own attempts at it. Never the hidden tests or the solution. */
export async function getExerciseForLearner(prisma: PrismaClient, owner: { id: string; organizationId: string }, slug: string) {
	const exercise = await prisma.exercise.findFirst({
		where: { slug, retiredAt: null, currentVersionId: { not: null } },
		select: {
			id: true,
			slug: true,
			currentVersion: { select: { number: true, metadata: true, brief: true } },
			attempts: {
				where: { userId: owner.id, organizationId: owner.organizationId },
				orderBy: { startedAt: 'desc' },
				take: 20,
				select: {
					id: true,
					status: true,
					startedAt: true,
					finishedAt: true,
					runCount: true,
					submissionCount: true,
					exerciseVersion: { select: { number: true } },
				},
			},
		},
	})
	if (!exercise?.currentVersion) return null
	return { ...exercise, currentVersion: exercise.currentVersion }
}
