import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE_SLUG, sampleExerciseFiles, sampleMetadata } from './fixtures/sample-exercise.ts'
import { ExerciseLoadError, MAX_FILE_BYTES, listExerciseDirs, loadExercise, readExerciseFolder } from './load.ts'

let root: string
let dir: string

async function writeFiles(target: string, files: Record<string, string>) {
	for (const [relative, text] of Object.entries(files)) {
		const file = path.join(target, ...relative.split('/'))
		await mkdir(path.dirname(file), { recursive: true })
		await writeFile(file, text)
	}
}

beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'hardmode-load-'))
	dir = path.join(root, SAMPLE_SLUG)
	await writeFiles(dir, sampleExerciseFiles())
})

afterEach(async () => {
	await rm(root, { recursive: true, force: true })
})

describe('readExerciseFolder', () => {
	it('sorts the files into their roles, with POSIX paths relative to the exercise', async () => {
		const folder = await readExerciseFolder(dir)
		expect(folder.folderName).toBe(SAMPLE_SLUG)
		expect(folder.metadata).toEqual(sampleMetadata())
		expect(folder.readme).toMatch(/^# Monthly statement misses a payment/)
		expect(Object.keys(folder.src)).toEqual(['src/format.js', 'src/ledger.js', 'src/statement.js'])
		expect(Object.keys(folder.visibleTests)).toEqual(['tests/visible/statement.test.js'])
		expect(Object.keys(folder.hiddenTests)).toEqual(['tests/hidden/periods.test.js'])
		expect(Object.keys(folder.solution)).toEqual(['solution/statement.js'])
		expect(folder.src['src/ledger.js']).toBe(sampleExerciseFiles()['src/ledger.js'])
		expect(folder.otherFiles).toEqual([])
	})

	it('ignores dotfiles and dot-folders, and keeps other stray files for the validator', async () => {
		await writeFiles(dir, { '.DS_Store': 'x', 'src/.cache/a.js': 'x', '.scratch/starter/src/a.js': 'x', 'NOTES.md': 'notes' })
		const folder = await readExerciseFolder(dir)
		expect(Object.keys(folder.src)).toEqual(['src/format.js', 'src/ledger.js', 'src/statement.js'])
		expect(folder.otherFiles).toEqual(['NOTES.md'])
	})

	it('reads alternatives and patches by name, and notes a fix folder with no file in it', async () => {
		await writeFiles(dir, { 'alternatives/inclusive-end/statement.js': 'a', 'patches/one-more-day/statement.js': 'p' })
		await mkdir(path.join(dir, 'patches', 'not-written-yet', 'deeper'), { recursive: true })
		await mkdir(path.join(dir, 'src', 'empty'), { recursive: true })
		const folder = await readExerciseFolder(dir)
		expect(folder.alternatives).toEqual({ 'inclusive-end': { 'solution/statement.js': 'a' } })
		expect(folder.patches).toEqual({ 'one-more-day': { 'solution/statement.js': 'p' } })
		expect(folder.emptyFolders).toEqual(['patches/not-written-yet/'])
		await mkdir(path.join(dir, 'alternatives-draft'), { recursive: true })
		await rm(path.join(dir, 'alternatives'), { recursive: true })
		await mkdir(path.join(dir, 'alternatives'))
		expect((await readExerciseFolder(dir)).emptyFolders).toEqual(['alternatives/', 'patches/not-written-yet/'])
	})

	it('hashes the content: stable across reads, different after any edit, blind to dotfiles', async () => {
		const first = (await readExerciseFolder(dir)).contentHash
		expect(first).toMatch(/^[0-9a-f]{64}$/)
		await writeFiles(dir, { '.editorconfig': 'root = true' })
		expect((await readExerciseFolder(dir)).contentHash).toBe(first)
		await writeFiles(dir, { 'tests/hidden/periods.test.js': `${sampleExerciseFiles()['tests/hidden/periods.test.js']}\n` })
		expect((await readExerciseFolder(dir)).contentHash).not.toBe(first)
	})

	it('follows a symbolic link inside the folder but refuses one that leaves it', async () => {
		await symlink(path.join(dir, 'src', 'format.js'), path.join(dir, 'solution', 'format-link.js'))
		expect(Object.keys((await readExerciseFolder(dir)).solution)).toContain('solution/format-link.js')

		await writeFile(path.join(root, 'secret.txt'), 'not part of the exercise')
		await symlink(path.join(root, 'secret.txt'), path.join(dir, 'src', 'secret.js'))
		await expect(readExerciseFolder(dir)).rejects.toThrow(
			new ExerciseLoadError(`${SAMPLE_SLUG}: src/secret.js is a symbolic link to ${path.join(root, 'secret.txt')}, outside the exercise folder; exercises must be self-contained`),
		)
	})

	it('refuses a file over the size cap and a binary file, naming them', async () => {
		await writeFiles(dir, { 'src/huge.js': 'x'.repeat(MAX_FILE_BYTES + 1) })
		await expect(readExerciseFolder(dir)).rejects.toThrow(`${SAMPLE_SLUG}: src/huge.js is 257 KB; files in an exercise are capped at 256 KB`)
		await rm(path.join(dir, 'src', 'huge.js'))
		await writeFile(path.join(dir, 'src', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]))
		await expect(readExerciseFolder(dir)).rejects.toThrow(`${SAMPLE_SLUG}: src/logo.png is not UTF-8 text`)
	})

	it('reports a folder that does not exist', async () => {
		await expect(readExerciseFolder(path.join(root, 'nope'))).rejects.toBeInstanceOf(ExerciseLoadError)
	})
})

describe('loadExercise', () => {
	it('returns typed metadata for a valid exercise.json', async () => {
		const exercise = await loadExercise(dir)
		expect(exercise.metadata.rootCause.category).toBe('boundary')
		expect(exercise.metadata.hints).toHaveLength(2)
	})

	it('refuses an exercise.json that does not match the schema, saying why', async () => {
		await writeFiles(dir, { 'exercise.json': JSON.stringify({ ...sampleMetadata(), difficulty: 100 }) })
		await expect(loadExercise(dir)).rejects.toThrow(`${SAMPLE_SLUG}: exercise.json does not match the schema (difficulty: must be at least 800)`)
	})
})

describe('listExerciseDirs', () => {
	it('lists exercise folders by name, skipping dot-folders and files', async () => {
		await mkdir(path.join(root, 'another-exercise'))
		await mkdir(path.join(root, '.scratch'))
		await writeFile(path.join(root, 'README.md'), '')
		expect(await listExerciseDirs(root)).toEqual([path.join(root, 'another-exercise'), dir])
		expect(await listExerciseDirs(path.join(root, 'missing'))).toEqual([])
	})
})
