import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'

const run = promisify(execFile)
const root = mkdtempSync(path.join(tmpdir(), 'hm-sandbox-cli-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function folder(name: string, files: Record<string, string>) {
	const dir = path.join(root, name)
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
		writeFileSync(path.join(dir, file), text)
	}
	return dir
}

it('prints one JSON result per folder, in the order given, and exits 0 even for failing and hostile code', async () => {
	const failing = folder('failing', {
		'src/add.ts': 'export const add = (a: number, b: number) => a - b\n',
		'add.test.ts': "import { add } from './src/add'\nit('adds', () => expect(add(2, 2)).toBe(4))\n",
	})
	const hostile = folder('hostile', { 'loop.test.js': "it('spins', () => { while (true) {} })\n" })
	const passing = folder('passing', {
		'ok.test.js': "it('ok', () => {})\n",
		'solution/ignored.test.js': "it('not collected', () => { throw new Error('solution/ must be skipped') })\n",
	})
	const { stdout } = await run('npx', ['tsx', 'server/cli/sandbox.ts', failing, hostile, passing, '--json', '--seed', '3'], { timeout: 60_000 })
	const lines = stdout
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line))
	expect(lines.map((l) => [l.dir, l.status])).toEqual([
		[failing, 'fail'],
		[hostile, 'error'],
		[passing, 'pass'],
	])
	expect(lines[0].tests[0]).toMatchObject({ name: 'adds', status: 'fail', location: { file: 'add.test.ts', line: 2 } })
	expect(lines[1].limit).toBe('time')
	expect(lines[2].tests).toHaveLength(1)
}, 90_000)

it('explains its usage and exits non-zero when given no folder', async () => {
	await expect(run('npx', ['tsx', 'server/cli/sandbox.ts'], { timeout: 60_000 })).rejects.toMatchObject({
		code: 2,
		stderr: expect.stringContaining('Usage: npm run sandbox'),
	})
}, 90_000)
