// Bundles the in-isolate harness (app/runner/harness/harness.ts with Vitest's expect, chai
// and spies) into one script, cached on disk by a hash of its inputs. Erasable TypeScript, so
// that the worker runs it under plain Node (type stripping) and the host imports it too.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '../../..')
const harnessDir = path.join(here, '../harness')
const require = createRequire(import.meta.url)

// chai 6 expects EventTarget/Event, which a bare V8 isolate lacks.
const BANNER = `var EventTarget = globalThis.EventTarget || class EventTarget { addEventListener() {} removeEventListener() {} dispatchEvent() { return true } };
var Event = globalThis.Event || class Event { constructor(type) { this.type = type } };
globalThis.EventTarget = EventTarget; globalThis.Event = Event;`

const SHARED_INPUTS = ['app/utils/random.ts', 'app/runner/test-files.ts']

function inputsHash() {
	const hash = createHash('sha256')
	for (const name of readdirSync(harnessDir).sort()) hash.update(name).update(readFileSync(path.join(harnessDir, name)))
	// Modules the harness imports from outside its folder.
	for (const file of SHARED_INPUTS) hash.update(file).update(readFileSync(path.join(projectRoot, file)))
	for (const pkg of ['@vitest/expect', '@vitest/spy', '@vitest/utils', 'chai', 'esbuild']) {
		hash.update(pkg).update(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`, { paths: [projectRoot] }), 'utf8')).version)
	}
	hash.update(BANNER)
	return hash.digest('hex').slice(0, 16)
}

/** The harness script's path, building it first when its inputs changed. */
export async function ensureHarnessBundle(): Promise<string> {
	const file = path.join(projectRoot, 'node_modules/.cache/hardmode-runner', `harness-${inputsHash()}.js`)
	try {
		readFileSync(file)
		return file
	} catch {
		const { build } = await import('esbuild')
		const result = await build({
			entryPoints: [path.join(harnessDir, 'harness.ts')],
			bundle: true,
			write: false,
			platform: 'neutral',
			format: 'iife',
			target: 'es2023',
			mainFields: ['module', 'main'],
			conditions: ['import', 'default'],
			banner: { js: BANNER },
			define: { 'process.env.NODE_ENV': '"production"', 'process.env.FORCE_COLOR': 'undefined', 'process.env.NO_COLOR': '"1"' },
			logLevel: 'silent',
			legalComments: 'none',
		})
		mkdirSync(path.dirname(file), { recursive: true })
		const temporary = `${file}.${process.pid}.tmp`
		writeFileSync(temporary, result.outputFiles[0]!.text)
		renameSync(temporary, file)
		return file
	}
}
