// `npm run exercise:new -- <slug> [--root <exercises dir>]`: scaffolds exercises/<slug>/
// with a schema-valid exercise.json, the README sections, a sample src/, test stubs and
// a solution, ready for the author to replace.
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('exercise:new')

const path = await import('node:path')
const { parseArgs } = await import('node:util')
const { fileURLToPath } = await import('node:url')
const { ScaffoldError, scaffoldExercise } = await import('#app/exercises/scaffold.ts')

const usage = 'Usage: npm run exercise:new -- <slug> [--root <exercises dir>]   (slug: kebab-case, e.g. pagination-skips-record)'
let parsed
try {
	parsed = parseArgs({ allowPositionals: true, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`)
	process.exit(2)
}
const [slug, ...extra] = parsed.positionals
if (parsed.values.help || slug === undefined || extra.length > 0) {
	console.error(usage)
	process.exit(parsed.values.help ? 0 : 2)
}

const exercisesRoot = path.resolve(parsed.values.root ?? fileURLToPath(new URL('../../exercises', import.meta.url)))
try {
	const dir = await scaffoldExercise({ exercisesRoot, slug })
	const shown = path.relative(process.cwd(), dir) || dir
	console.log(
		[
			`Created ${shown}/`,
			'Next:',
			`  1. Replace every "TODO(author)" in ${shown}/ (the checker refuses them) and the sample system in src/.`,
			'  2. Read docs/authoring.md: one root cause, symptom away from the cause, hidden tests on behaviour.',
			`  3. npm run exercises:check -- ${shown}`,
		].join('\n'),
	)
} catch (error) {
	if (!(error instanceof ScaffoldError)) throw error
	console.error(error.message)
	process.exit(1)
}
