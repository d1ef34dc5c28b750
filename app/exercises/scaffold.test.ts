import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readExerciseFolder } from './load.ts'
import { ScaffoldError, scaffoldExercise } from './scaffold.ts'
import { parseExerciseMetadata } from './schema.ts'
import { type SandboxRunRequest, type SandboxRunResult } from './sandbox.ts'
import { validateExercise } from './validate.ts'

let root: string
beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'hardmode-scaffold-'))
})
afterEach(async () => {
	await rm(root, { recursive: true, force: true })
})

// Stands in for the sandbox: the scaffold's starter skips the first invoice line.
async function runScaffold(request: SandboxRunRequest): Promise<SandboxRunResult> {
	const fixed = !request.files['src/invoice.ts']?.includes('let index = 1')
	const tests = (request.testFiles ?? []).map((file) => ({ name: 'case', file, status: fixed ? ('pass' as const) : ('fail' as const), durationMs: 1 }))
	return { status: fixed ? 'pass' : 'fail', tests }
}

describe('scaffoldExercise', () => {
	it('creates a folder whose exercise.json is valid and whose only problems are the parts the author must write', async () => {
		const dir = await scaffoldExercise({ exercisesRoot: root, slug: 'invoice-drops-line' })
		expect(dir).toBe(path.join(root, 'invoice-drops-line'))
		const folder = await readExerciseFolder(dir)
		const parsed = parseExerciseMetadata(folder.metadata)
		expect(parsed).toMatchObject({ success: true, metadata: { slug: 'invoice-drops-line', kind: 'debugging' } })
		expect(Object.keys(folder.src)).toEqual(['src/invoice.ts', 'src/pricing.ts'])
		expect(Object.keys(folder.solution)).toEqual(['solution/invoice.ts'])
		expect(folder.readme).toMatch(/## Symptom[\s\S]*## Context[\s\S]*## What we know/)

		const problems = await validateExercise(folder, { run: runScaffold })
		expect([...new Set(problems.map((problem) => problem.rule))].sort()).toEqual(['placeholder', 'src-size'])
	})

	it('gives every scaffold a fresh uuid', async () => {
		await scaffoldExercise({ exercisesRoot: root, slug: 'first-one' })
		await scaffoldExercise({ exercisesRoot: root, slug: 'second-one' })
		const uuidOf = async (slug: string) => JSON.parse(await readFile(path.join(root, slug, 'exercise.json'), 'utf8')).uuid
		expect(await uuidOf('first-one')).not.toBe(await uuidOf('second-one'))
	})

	it('refuses an invalid slug and an existing folder, leaving the folder untouched', async () => {
		await expect(scaffoldExercise({ exercisesRoot: root, slug: 'Invoice_Drops' })).rejects.toThrow(
			new ScaffoldError('"Invoice_Drops" is not a valid slug: must be kebab-case: lowercase letters and digits separated by single hyphens'),
		)
		const dir = await scaffoldExercise({ exercisesRoot: root, slug: 'taken' })
		const before = await readFile(path.join(dir, 'exercise.json'), 'utf8')
		await expect(scaffoldExercise({ exercisesRoot: root, slug: 'taken' })).rejects.toThrow(/already exists/)
		expect(await readFile(path.join(dir, 'exercise.json'), 'utf8')).toBe(before)
	})
})

describe('npm run exercise:new', () => {
	it('scaffolds into --root and fails with a message for an existing slug', () => {
		const cli = (...args: string[]) =>
			spawnSync('npx', ['tsx', 'server/cli/exercise-new.ts', ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') })
		const created = cli('queue-loses-jobs', '--root', root)
		expect(created.status).toBe(0)
		expect(created.stdout).toContain('queue-loses-jobs/')
		const again = cli('queue-loses-jobs', '--root', root)
		expect(again.status).toBe(1)
		expect(again.stderr).toContain('already exists')
		expect(cli('--root', root).status).toBe(2)
	})
})
