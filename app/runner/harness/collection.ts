// Test collection: describe/it/hooks build a tree of suites and tests while a test file is
// evaluated, with each/for tables, skip/only/todo, and the check that only test files define
// tests. The runner then asks which of the collected tests will run.
import { stringify } from '@vitest/utils/display'
import { callerLocation } from './call-sites.ts'
import { config } from './config.ts'
import { LimitError } from './errors.ts'
import { fileRun } from './run-state.ts'
import { isTestCode } from '../test-files.ts'

export type Fn = (...args: any[]) => any
export type HookKind = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach'
type Mode = 'run' | 'skip' | 'only' | 'todo'

export interface Suite {
	name: string
	mode: Mode
	parent: Suite | null
	children: Array<Suite | TestCase>
	hooks: Record<HookKind, Fn[]>
}
export interface TestCase {
	kind: 'test'
	name: string
	fn: Fn | null
	mode: Mode
	timeout: number
	suite: Suite
}

const MAX_NAME = 300
function newSuite(name: string, mode: Mode, parent: Suite | null): Suite {
	return { name, mode, parent, children: [], hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] } }
}
let rootSuite = newSuite('', 'run', null)
let currentSuite = rootSuite
let registered = 0
let hasOnly = false
let collecting = false

function formatTitle(template: string, args: unknown[], index: number) {
	let title = String(template)
	if (args.length === 1 && args[0] && typeof args[0] === 'object' && !Array.isArray(args[0])) {
		const object = args[0] as Record<string, unknown>
		title = title.replace(/\$([A-Za-z_][\w.]*)/g, (match, path: string) => {
			const value = path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), object)
			return value === undefined && !(path in object) ? match : typeof value === 'string' ? value : stringify(value, 0).slice(0, 100)
		})
	}
	let i = 0
	title = title.replace(/%[sdifjopO#%]/g, (token) => {
		if (token === '%%') return '%'
		if (token === '%#') return String(index)
		const value = args[i++]
		if (token === '%d' || token === '%i') return String(token === '%i' ? Math.trunc(Number(value)) : Number(value))
		if (token === '%f') return String(Number(value))
		if (token === '%s') return typeof value === 'string' ? value : stringify(value, 0).slice(0, 100)
		return stringify(value, 0).slice(0, 100)
	})
	return title
}

// Tests, suites and hooks come from test files (and helpers under tests/). Code under test
// could otherwise add a passing test of its own, or mark its own test `.only` so the real
// ones are skipped.
function requireTestFileCaller(what: string, entry: (...args: never[]) => unknown) {
	const caller = callerLocation(entry)
	if (caller && isTestCode(caller.file)) return
	const where = caller ? `${caller.file}:${caller.line} ` : ''
	throw new Error(`${where}tried to define ${what}; only test files can define tests and hooks.`)
}

export function addTest(name: unknown, fn: unknown, options: unknown, mode: Mode) {
	if (!collecting) throw new Error('Tests must be defined at the top level of a test file or inside describe(), not inside another test.')
	requireTestFileCaller('a test', addTest)
	registered++
	if (registered > config.maxTests) {
		fileRun.error = 'limit:tests'
		throw new LimitError('tests')
	}
	const timeout = typeof options === 'number' ? options : typeof fn === 'number' ? fn : ((options as any)?.timeout ?? config.testTimeoutMs)
	const body = typeof fn === 'function' ? (fn as Fn) : typeof options === 'function' ? (options as Fn) : null
	const effective: Mode = currentSuite.mode === 'skip' || currentSuite.mode === 'todo' ? 'skip' : mode
	if (mode === 'only') hasOnly = true
	currentSuite.children.push({
		kind: 'test',
		name: String(name).slice(0, MAX_NAME),
		fn: body,
		mode: body ? effective : 'todo',
		timeout: Number(timeout) || config.testTimeoutMs,
		suite: currentSuite,
	})
}

function addSuite(name: unknown, fn: unknown, mode: Mode) {
	requireTestFileCaller('a test suite (describe)', addSuite)
	const suite = newSuite(String(name).slice(0, MAX_NAME), currentSuite.mode === 'skip' ? 'skip' : mode, currentSuite)
	if (mode === 'only') hasOnly = true
	currentSuite.children.push(suite)
	const previous = currentSuite
	currentSuite = suite
	try {
		if (typeof fn === 'function') {
			const returned = (fn as Fn)()
			if (returned && typeof returned.then === 'function')
				throw new Error('describe() callbacks must be synchronous; move the async work into a beforeAll() or a test.')
		}
	} finally {
		currentSuite = previous
	}
}

function withEach<T extends (name: unknown, ...rest: any[]) => void>(define: T) {
	return (table: any, ...values: unknown[]) => {
		let rows: unknown[][]
		if (Array.isArray(table) && Array.isArray((table as any).raw)) {
			// Tagged template: the first row holds the column names.
			const header = String(table[0])
				.trim()
				.split(/\s*\|\s*/)
			rows = []
			for (let i = 0; i + header.length <= values.length; i += header.length) {
				const row: Record<string, unknown> = {}
				header.forEach((key, k) => (row[key] = values[i + k]))
				rows.push([row])
			}
		} else {
			rows = (table as unknown[]).map((row) => (Array.isArray(row) ? row : [row]))
		}
		return (name: unknown, fn: Fn, options?: unknown) => {
			rows.forEach((row, index) => define(formatTitle(String(name), row, index), (...extra: unknown[]) => fn(...row, ...extra), options))
		}
	}
}

function makeTestFn(mode: Mode) {
	const define = (name: unknown, fn?: unknown, options?: unknown) => addTest(name, fn, options, mode)
	return define
}
export const it: any = makeTestFn('run')
it.skip = makeTestFn('skip')
it.only = makeTestFn('only')
it.todo = (name: unknown) => addTest(name, null, undefined, 'todo')
it.concurrent = it
it.sequential = it
it.fails = (name: unknown, fn: Fn, options?: unknown) =>
	addTest(
		name,
		async () => {
			let failed = false
			try {
				await fn()
			} catch {
				failed = true
			}
			if (!failed) throw new Error('Expected the test to fail (it.fails), but it passed.')
		},
		options,
		'run',
	)
function withFor(define: (name: unknown, fn?: unknown, options?: unknown) => void) {
	return (table: unknown[]) => (name: unknown, fn: Fn, options?: unknown) => {
		table.forEach((row, index) => define(formatTitle(String(name), Array.isArray(row) ? row : [row], index), () => fn(row, {}), options))
	}
}
it.each = withEach(it)
it.for = withFor(it)
it.skip.each = withEach(it.skip)
it.only.each = withEach(it.only)
it.skipIf = (condition: unknown) => (condition ? it.skip : it)
it.runIf = (condition: unknown) => (condition ? it : it.skip)

export const describe: any = (name: unknown, fn: unknown) => addSuite(name, fn, 'run')
describe.skip = (name: unknown, fn: unknown) => addSuite(name, fn, 'skip')
describe.only = (name: unknown, fn: unknown) => addSuite(name, fn, 'only')
describe.todo = (name: unknown) => addSuite(name, null, 'todo')
describe.concurrent = describe
describe.sequential = describe
describe.each = withEach(describe)
describe.for = withFor((name, fn) => describe(name, fn))
describe.skip.each = withEach(describe.skip)
describe.only.each = withEach(describe.only)
describe.skipIf = (condition: unknown) => (condition ? describe.skip : describe)
describe.runIf = (condition: unknown) => (condition ? describe : describe.skip)

function hook(kind: HookKind) {
	const register = (fn: Fn) => {
		requireTestFileCaller(`a ${kind} hook`, register)
		currentSuite.hooks[kind].push(fn)
	}
	return register
}

export const beforeAll = hook('beforeAll')
export const afterAll = hook('afterAll')
export const beforeEach = hook('beforeEach')
export const afterEach = hook('afterEach')

/** Starts collecting a file's tests afresh (the host then evaluates its module). */
export function beginCollecting() {
	rootSuite = newSuite('', 'run', null)
	currentSuite = rootSuite
	hasOnly = false
	collecting = true
}

export function endCollecting() {
	collecting = false
	hasOnly = suiteHasOnly(rootSuite)
}

export const collectedSuite = () => rootSuite

export function fullName(test: TestCase) {
	const names = [test.name]
	for (let s: Suite | null = test.suite; s && s.parent; s = s.parent) names.unshift(s.name)
	return names.join(' > ')
}

function suiteHasOnly(suite: Suite): boolean {
	return suite.mode === 'only' || suite.children.some((c) => ('kind' in c ? c.mode === 'only' : suiteHasOnly(c)))
}
export function testWillRun(test: TestCase): boolean {
	if (test.mode === 'skip' || test.mode === 'todo') return false
	if (!hasOnly) return true
	if (test.mode === 'only') return true
	for (let s: Suite | null = test.suite; s; s = s.parent) if (s.mode === 'only') return true
	return false
}
export function suiteWillRun(suite: Suite): boolean {
	return suite.children.some((c) => ('kind' in c ? testWillRun(c) : suiteWillRun(c)))
}
