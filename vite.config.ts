import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'

export default defineConfig({
	plugins: [tailwindcss(), reactRouter(), precompressAssets(), listEditorAssets()],
	server: { hmr: { port: 24678 } },
	build: { sourcemap: false },
	// Monaco is reached only through a lazy import; pre-bundling it up front spares the dev
	// server a slow discovery and a full page reload the first time the editor opens. Every
	// Monaco module the app imports goes in together, so they share one copy of the editor core.
	optimizeDeps: { include: monacoModules() },
})

/** The Monaco modules the editor's set-up files (app/components/workspace/monaco-*.client.ts) import. */
function monacoModules() {
	const folder = fileURLToPath(new URL('./app/components/workspace', import.meta.url))
	const sources = readdirSync(folder)
		.filter((file) => /^monaco-.*\.client\.ts$/.test(file))
		.map((file) => readFileSync(path.join(folder, file), 'utf8'))
	const specifiers = sources.flatMap((source) => [...source.matchAll(/^import (?:[^'\n]* from )?'(monaco-editor\/[^'?]+)'/gm)].map((match) => match[1]!))
	return [...new Set(specifiers)]
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|ttf|txt|map)$/
const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Writes `file.br` and `file.gz` beside every compressible client asset, so the server sends
 * them as they are instead of compressing megabytes of editor code on every cold load.
 * Brotli quality 5: within 10 % of the best size at a fraction of quality 11's minute and a half.
 */
function precompressAssets(): Plugin {
	return {
		name: 'hardmode:precompress-assets',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		async writeBundle({ dir }) {
			if (!dir) return
			const assets = path.join(dir, 'assets')
			const files = (await readdir(assets)).filter((file) => COMPRESSIBLE.test(file))
			await Promise.all(
				files.map(async (file) => {
					const content = await readFile(path.join(assets, file))
					if (content.length < 1024) return
					const [br, gz] = await Promise.all([
						brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
						gzipAsync(content, { level: 9 }),
					])
					await Promise.all([writeFile(path.join(assets, `${file}.br`), br), writeFile(path.join(assets, `${file}.gz`), gz)])
				}),
			)
		},
	}
}

/**
 * Writes `build/editor-assets.json`: the URLs of the code editor's chunk (a lazy import in the
 * workspace) and every chunk it imports statically that the pages do not load anyway. The server hands the list to the
 * workspace page, which asks the browser to fetch them with the page's own scripts instead of
 * after hydration (docs/performance.md, "Opening a debugging attempt cold").
 */
function listEditorAssets(): Plugin {
	let assets: string[] = []
	return {
		name: 'hardmode:list-editor-assets',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle(_options, bundle) {
			const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])))
			const editor = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith('/app/components/workspace/code-editor.client.tsx'))
			if (!editor) this.error('The code editor chunk (code-editor.client.tsx) is missing from the client build.')
			const reachable = (from: string[]) => {
				const seen = new Set<string>()
				const visit = (fileName: string) => {
					if (seen.has(fileName)) return
					seen.add(fileName)
					for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported)
				}
				for (const fileName of from) visit(fileName)
				return seen
			}
			// Chunks the entry and the routes load anyway are the page's own business (modulepreloaded at high priority).
			const pages = reachable([...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName))
			// Scripts only: Vite's loader fetches a chunk's CSS in another credentials mode than a
			// preload would, so a CSS preload is never used (and the browser warns); the CSS is small.
			const own = [...reachable([editor.fileName])].filter((fileName) => !pages.has(fileName))
			const base = this.environment.config.base
			assets = own.map((fileName) => `${base}${fileName}`)
		},
		async writeBundle({ dir }) {
			if (dir) await writeFile(path.join(dir, '..', 'editor-assets.json'), `${JSON.stringify(assets, null, '\t')}\n`)
		},
	}
}
