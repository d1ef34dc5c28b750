// `npm run exercises:check [-- [--watch] <dir>…]`: validates every exercise folder (or the
// ones given) through one sandbox runner pool, prints a report and the catalogue's coverage,
// and exits non-zero when any exercise has a problem. With --watch it stays, and checks an
// exercise again whenever one of its files is saved, until Ctrl-C.
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('exercises:check')

const path = await import('node:path')
const { watch } = await import('node:fs')
const { fileURLToPath } = await import('node:url')
const { listExerciseDirs } = await import('#app/exercises/load.ts')
const { checkCatalogue } = await import('#app/exercises/catalogue-check.ts')
const { formatCatalogueSummary, formatExerciseLine } = await import('#app/exercises/check-report.ts')
const { createChangeBatcher, exerciseOfChange } = await import('#app/exercises/watch-plan.ts')
const { openTypeCheckCache } = await import('#app/exercises/type-check-cache.ts')
const { patientRun } = await import('#app/exercises/serving-check.ts')
const { openProofCache } = await import('#app/exercises/proof-cache.ts')
const { readExerciseFolder } = await import('#app/exercises/load.ts')
const { PROOF_CACHE_FILE } = await import('#server/exercise-sync.ts')
const { createRunnerPool, runTests } = await import('#app/runner/index.ts')

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const exercisesRoot = path.join(projectRoot, 'exercises')
const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
	console.log(
		[
			'Usage: npm run exercises:check [-- [--watch] <exercise dir>…]',
			'Without a folder, checks every folder in exercises/.',
			'--watch  stay, and check an exercise again each time one of its files is saved (Ctrl-C to stop)',
		].join('\n'),
	)
	process.exit(0)
}
const watching = args.includes('--watch')
const given = args.filter((arg) => arg !== '--watch').map((dir) => path.resolve(dir))
const dirs = given.length > 0 ? given : await listExerciseDirs(exercisesRoot)
if (dirs.length === 0 && !watching) {
	console.error('No exercise folders to check (exercises/ is empty). Create one with npm run exercise:new -- <slug>.')
	process.exit(1)
}

// The check queues every run of an exercise at once; they wait their turn however long it takes.
const pool = createRunnerPool({ queueTimeoutMs: 30 * 60_000 })
const run = patientRun((request) => runTests(request, { pool }))
const proofs = await openProofCache(PROOF_CACHE_FILE)
// Type checks of unchanged exercises are remembered from earlier runs.
const typeChecks = await openTypeCheckCache(path.join(projectRoot, 'node_modules', '.cache', 'hardmode', 'exercise-types.json'))

/** Checks `toCheck` against the catalogue as it is on disk now, prints the report, and says whether every exercise passed. */
async function checkAndReport(toCheck: string[]): Promise<boolean> {
	const startedAt = performance.now()
	console.log(`Checking ${toCheck.length} exercise${toCheck.length === 1 ? '' : 's'}…`)
	const { reports, others } = await checkCatalogue(toCheck, {
		run,
		catalogueDirs: await listExerciseDirs(exercisesRoot),
		typeCheck: typeChecks.typeCheck,
		onReport: (report) => console.log(formatExerciseLine(report)),
	})
	await typeChecks.save().catch((error: unknown) => console.warn('Could not save the type checks for the next run:', error))
	// What passed every rule need not be played again by a server starting on a fresh database.
	const passed = new Set(reports.filter((report) => report.problems.length === 0).map((report) => report.slug))
	for (const dir of toCheck) {
		if (!passed.has(path.basename(dir))) continue
		const folder = await readExerciseFolder(dir).catch(() => undefined)
		if (folder) proofs.remember(folder)
	}
	await proofs.save().catch((error: unknown) => console.warn('Could not remember the exercises proven, for the servers:', error))
	console.log(formatCatalogueSummary(reports, { others }))
	console.log(`Checked in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`)
	return reports.every((report) => report.problems.length === 0)
}

if (!watching) {
	try {
		process.exitCode = (await checkAndReport(dirs)) ? 0 : 1
	} finally {
		await pool.close()
	}
} else {
	if (dirs.length > 0) await checkAndReport(dirs)
	const watched = given.length > 0 ? given : [exercisesRoot]
	const changes = createChangeBatcher({
		quietMs: 300,
		timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
		check: async (changed) => {
			console.log(`\n${new Date().toLocaleTimeString()} changed: ${changed.map((dir) => path.relative(process.cwd(), dir) || dir).join(', ')}`)
			await checkAndReport(changed).catch((error: unknown) => console.error('The check failed:', error))
		},
	})
	// Recursive watching works on Linux, macOS and Windows with Node 24.
	const watchers = watched.map((root) =>
		watch(root, { recursive: true }, (_event, filename) => {
			if (filename === null) return
			const dir = exerciseOfChange(path.join(root, filename.toString()), { watched, catalogueRoot: exercisesRoot })
			if (dir) changes.changed(dir)
		}),
	)
	console.log(`\nWatching ${watched.map((root) => path.relative(process.cwd(), root) || root).join(', ')} for changes (Ctrl-C to stop)…`)
	process.once('SIGINT', () => {
		changes.stop()
		for (const watcher of watchers) watcher.close()
		void pool.close().finally(() => process.exit(0))
	})
}
