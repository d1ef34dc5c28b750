import { describe, expect, it } from 'vitest'
import { type ExerciseFiles, exerciseFolderFromFiles } from './exercise-folder.ts'
import { checkTypes, describeTypeProblem, isTypeScriptExercise, typeCheckExercise, typeCheckKey } from './type-check.ts'

const TYPES = `export type Line = { sku: string; cents: number; quantity: number }\n`
const TOTAL = `import type { Line } from './types'

/** Total of an order, in cents. */
export function totalCents(lines: Line[]): number {
	let total = 0
	for (const line of lines.slice(1)) total += line.cents * line.quantity
	return total
}
`
const TEST = `import { describe, expect, it, vi } from 'vitest'
import { totalCents } from '../../src/total'

describe('totals', () => {
	it.each([[1], [2]])('counts %s line(s)', (quantity) => {
		const spy = vi.fn()
		spy(quantity)
		expect(totalCents([{ sku: 'A', cents: 5, quantity }])).toBe(5 * quantity)
	})
	it('waits', async () => {
		await new Promise((resolve) => setTimeout(resolve, 10))
		console.log(structuredClone({ at: performance.now() }), new Intl.NumberFormat('en').format(1))
	})
})
`

function folderWith(change: (files: ExerciseFiles) => void = () => {}) {
	const files: ExerciseFiles = {
		'exercise.json': JSON.stringify({ language: 'typescript' }),
		'src/types.ts': TYPES,
		'src/total.ts': TOTAL,
		'tests/visible/total.test.ts': TEST,
		'tests/hidden/total.test.ts': TEST,
		'solution/total.ts': TOTAL.replace('lines.slice(1)', 'lines'),
	}
	change(files)
	return exerciseFolderFromFiles('order-total', files)
}

const described = (change: (files: ExerciseFiles) => void) => typeCheckExercise(folderWith(change)).map(describeTypeProblem)

describe('typeCheckExercise', () => {
	it('finds nothing wrong with sound code and tests that use the test API loosely and the sandbox globals', () => {
		expect(typeCheckExercise(folderWith())).toEqual([])
	})

	it('reports a type error with its file and line', () => {
		expect(described((files) => (files['src/total.ts'] = TOTAL.replace('let total = 0', 'let total: string = 0')))).toEqual([
			"src/total.ts:5: Type 'number' is not assignable to type 'string'. (TS2322)",
			"src/total.ts:7: Type 'string' is not assignable to type 'number'. (TS2322)",
		])
	})

	it('refuses what type stripping cannot run, even in a file imported only for its types', () => {
		const problems = described((files) => (files['src/types.ts'] = `${TYPES}export enum Currency {\n\tEUR = 'EUR',\n}\n`))
		expect(problems).toEqual([expect.stringMatching(/^src\/types\.ts:2: This syntax is not allowed when 'erasableSyntaxOnly' is enabled\. \(TS1294\)$/)])
		const typeAsValue = described((files) => (files['src/total.ts'] = TOTAL.replace('import type { Line }', 'import { Line }')))
		expect(typeAsValue).toEqual([expect.stringMatching(/^src\/total\.ts:1: 'Line' is a type and must be imported using a type-only import/)])
	})

	it('checks the solved code and each alternative, naming the file the author edits, and says a starter problem once', () => {
		const problems = described((files) => {
			files['solution/total.ts'] = TOTAL.replace('let total = 0', "let total = '0'")
			files['alternatives/by-currency/total.ts'] = TOTAL.replace('lines.slice(1)', 'lines').replace('(lines: Line[])', '(lines: Line[], currency: string)')
			files['src/types.ts'] = `${TYPES}export const unused: number = 'x'\n`
		})
		expect(problems).toEqual([
			"src/types.ts:2: Type 'string' is not assignable to type 'number'. (TS2322)",
			"solution/total.ts:7: Type 'string' is not assignable to type 'number'. (TS2322)",
			'tests/visible/total.test.ts:8 (with alternatives/by-currency/ laid over src/): Expected 2 arguments, but got 1. (TS2554)',
			'tests/hidden/total.test.ts:8 (with alternatives/by-currency/ laid over src/): Expected 2 arguments, but got 1. (TS2554)',
		])
	})

	it('types the simulation kit from its source, so scenarios may import its types', () => {
		const problems = described((files) => {
			files['tests/hidden/load.test.ts'] = `import { scenario, type Simulation, type DependencyProfile } from 'hardmode:sim'
import { totalCents } from '../../src/total'

const profile: DependencyProfile = { latency: { p50: 10, p99: 50 } }
function world(sim: Simulation) {
	return sim.dependency('prices', profile)
}
scenario('a busy hour', { stage: 1, thresholds: { successRate: { atLeast: 99 } } }, (sim) => {
	const prices = world(sim)
	sim.traffic({ perSecond: 2, forMs: 1000 }, ({ index }) => sim.request(() => prices.call(() => totalCents([{ sku: String(index), cents: 1, quantity: 1 }]))))
})
`
		})
		expect(problems).toEqual([])
	})

	it('leaves JavaScript exercises alone', () => {
		expect(isTypeScriptExercise(folderWith())).toBe(true)
		expect(isTypeScriptExercise(folderWith((files) => (files['exercise.json'] = JSON.stringify({ language: 'javascript' }))))).toBe(false)
	})
})

describe('the types rule', () => {
	const reported = (folder: ReturnType<typeof folderWith>, typeCheck?: Parameters<typeof checkTypes>[2]) => {
		const problems: Array<{ rule: string; message: string; file?: string }> = []
		checkTypes(folder, (rule, message, file) => problems.push({ rule, message, file }), typeCheck)
		return problems
	}

	it('reports each error at its file, and caps a flood of them', () => {
		const broken = folderWith((files) => (files['src/total.ts'] = TOTAL.replace('let total = 0', 'let total: string = 0')))
		expect(reported(broken)).toEqual([
			{ rule: 'types', file: 'src/total.ts', message: "src/total.ts:5: Type 'number' is not assignable to type 'string'. (TS2322)" },
			{ rule: 'types', file: 'src/total.ts', message: "src/total.ts:7: Type 'string' is not assignable to type 'number'. (TS2322)" },
		])
		const flood = folderWith((files) => (files['src/types.ts'] = `${TYPES}${Array.from({ length: 25 }, (_, index) => `export const n${index}: number = 'x'\n`).join('')}`))
		const problems = reported(flood)
		expect(problems).toHaveLength(21)
		expect(problems.at(-1)).toEqual({ rule: 'types', file: undefined, message: 'and 5 more type errors; the exercise must type-check under strict TypeScript' })
	})

	it('uses the type check it is given, such as a cache of earlier runs', () => {
		const remembered = [{ tree: 'starter', file: 'src/total.ts', line: 1, message: 'remembered' }]
		expect(reported(folderWith(), () => remembered)).toEqual([{ rule: 'types', file: 'src/total.ts', message: 'src/total.ts:1: remembered' }])
	})
})

describe('typeCheckKey', () => {
	it('changes with any code file, and not with what a type check does not read', () => {
		const key = typeCheckKey(folderWith())
		expect(typeCheckKey(folderWith())).toBe(key)
		expect(typeCheckKey(folderWith((files) => (files['README.md'] = 'another brief')))).toBe(key)
		expect(typeCheckKey(folderWith((files) => (files['src/types.ts'] = `${TYPES}// a comment\n`)))).not.toBe(key)
		expect(typeCheckKey(folderWith((files) => (files['tests/hidden/total.test.ts'] = `${TEST}\n`)))).not.toBe(key)
		expect(typeCheckKey(folderWith((files) => (files['alternatives/other/total.ts'] = TOTAL)))).not.toBe(key)
	})
})
