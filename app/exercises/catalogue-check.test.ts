import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCatalogue } from './catalogue-check.ts'
import { MAX_FILE_BYTES } from './load.ts'
import { SAMPLE_SLUG, fakeRunner, sampleExerciseFiles, sampleMetadata } from './fixtures/sample-exercise.ts'
import { type ExerciseReport } from './validate.ts'

let root: string
beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'hardmode-catalogue-'))
})
afterEach(async () => {
	await rm(root, { recursive: true, force: true })
})

async function writeExercise(slug: string, files: Record<string, string>) {
	for (const [relative, text] of Object.entries(files)) {
		const file = path.join(root, slug, ...relative.split('/'))
		await mkdir(path.dirname(file), { recursive: true })
		await writeFile(file, text)
	}
	return path.join(root, slug)
}

describe('checkCatalogue', () => {
	it('checks every folder, reports unreadable ones and shared uuids, and announces each report with its problems', async () => {
		const sample = await writeExercise(SAMPLE_SLUG, sampleExerciseFiles())
		const copy = await writeExercise('statement-copy', {
			...sampleExerciseFiles(),
			'exercise.json': JSON.stringify({ ...sampleMetadata(), slug: 'statement-copy', family: 'another-family' }),
			'README.md': sampleExerciseFiles()['README.md'] as string,
		})
		const unreadable = await writeExercise('too-big', { 'src/huge.js': 'x'.repeat(MAX_FILE_BYTES + 1) })

		const announced: ExerciseReport[] = []
		const { reports } = await checkCatalogue([sample, copy, unreadable], { ...fakeRunner(), onReport: (report) => announced.push(structuredClone(report)) })

		expect(reports.map((report) => [report.slug, report.problems.map((problem) => problem.rule)])).toEqual([
			[SAMPLE_SLUG, []],
			['statement-copy', ['unique-uuid']],
			['too-big', ['load']],
		])
		expect(reports[2]?.problems[0]?.message).toBe('too-big: src/huge.js is 257 KB; files in an exercise are capped at 256 KB')
		expect(announced).toEqual(reports)
	})

	it('checks one exercise against the rest of the catalogue for a shared slug or uuid, and not against itself', async () => {
		const sample = await writeExercise(SAMPLE_SLUG, sampleExerciseFiles())
		const copy = await writeExercise('statement-copy', { ...sampleExerciseFiles(), 'exercise.json': JSON.stringify({ ...sampleMetadata(), slug: 'statement-copy', family: 'another-family' }) })
		const other = await writeExercise('unrelated', { ...sampleExerciseFiles(), 'exercise.json': JSON.stringify({ ...sampleMetadata(), slug: 'unrelated', uuid: crypto.randomUUID(), family: 'a-third-family' }) })
		const { reports } = await checkCatalogue([path.join(root, '.', SAMPLE_SLUG)], { ...fakeRunner(), catalogueDirs: [sample, copy, other] })
		expect(reports.map((report) => [report.slug, report.problems.map((problem) => problem.rule)])).toEqual([[SAMPLE_SLUG, ['unique-uuid']]])
		const alone = await checkCatalogue([other], { ...fakeRunner(), catalogueDirs: [other] })
		expect(alone.reports[0]?.problems).toEqual([])
	})
})
