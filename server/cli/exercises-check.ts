// `npm run exercises:check [dir…]`: validates every exercise folder (or the ones given)
// through one sandbox runner pool, prints a report and the catalogue's coverage, and
// exits non-zero when any exercise has a problem.
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('exercises:check')

const path = await import('node:path')
const { fileURLToPath } = await import('node:url')
const { listExerciseDirs } = await import('#app/exercises/load.ts')
const { checkCatalogue } = await import('#app/exercises/catalogue-check.ts')
const { formatCatalogueSummary, formatExerciseLine } = await import('#app/exercises/check-report.ts')
const { createRunnerPool, runTests } = await import('#app/runner/index.ts')

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
	console.log('Usage: npm run exercises:check [-- <exercise dir>…]\nWithout arguments, checks every folder in exercises/.')
	process.exit(0)
}
const catalogueDirs = await listExerciseDirs(path.join(projectRoot, 'exercises'))
const dirs = args.length > 0 ? args.map((dir) => path.resolve(dir)) : catalogueDirs
if (dirs.length === 0) {
	console.error('No exercise folders to check (exercises/ is empty). Create one with npm run exercise:new -- <slug>.')
	process.exit(1)
}

const pool = createRunnerPool()
const startedAt = performance.now()
try {
	console.log(`Checking ${dirs.length} exercise${dirs.length === 1 ? '' : 's'}…`)
	const { reports, others } = await checkCatalogue(dirs, {
		run: (request) => runTests(request, { pool }),
		catalogueDirs,
		onReport: (report) => console.log(formatExerciseLine(report)),
	})
	console.log(formatCatalogueSummary(reports, { others }))
	console.log(`Checked in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`)
	process.exitCode = reports.some((report) => report.problems.length > 0) ? 1 : 0
} finally {
	await pool.close()
}
