// Rule hidden-test-stated: a hidden test grades behaviour the learner was told about. Directly
// above each it(/test( of tests/hidden/ (and scenario( in an architecture exercise) its author
// quotes where that behaviour is stated:
//   // Stated in README.md: "<quote>"
//   // Stated in src/<path>: "<quote>"      (the starter file's comments and doc comments)
//   // Stated in stage 1 brief: "<quote>"   (architecture exercises, exercise.json)
// and each quote must be found there, whitespace and Markdown emphasis aside. Pure.
import ts from 'typescript'
import { type ExerciseFolder, README_FILE, splitLines, testFilePaths } from './exercise-folder.ts'
import { architectureStages, isArchitecture } from './validate-stages.ts'
import type { Report } from './validate.ts'

export const MIN_QUOTE_LENGTH = 15
const STATED_PREFIX = /^\/\/\s*Stated in\b/i
const STATED_LINE = /^\/\/\s*Stated in (README\.md|src\/\S+|stage (\d+) brief):\s*"(.*)"\s*$/

/** A call that defines a test, where it starts, and the comment lines right above it. */
export type HiddenTest = { name: string; line: number; comments: string[] }

/**
 * Every call of `it`/`test` (and `scenario`, when `scenarios`) in a test file: `it(…)`,
 * `it.skip(…)`, `it.each(table)(…)`, `` test.each`…`(…) ``. A call inside a loop or helper
 * is one place in the source, so it needs one statement.
 */
export function findHiddenTests(source: string, fileName: string, { scenarios = false }: { scenarios?: boolean } = {}): HiddenTest[] {
	const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, /\.m?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS)
	const lines = splitLines(source)
	const roots = new Set(scenarios ? ['it', 'test', 'scenario'] : ['it', 'test'])
	const tests: HiddenTest[] = []
	const visit = (node: ts.Node) => {
		if (ts.isCallExpression(node) && definesTest(node, roots) && !isCalleeOfOuterCall(node)) {
			const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line
			tests.push({ name: testName(node, sourceFile), line: line + 1, comments: commentBlockAbove(lines, line) })
		}
		ts.forEachChild(node, visit)
	}
	visit(sourceFile)
	return tests
}

function definesTest(call: ts.CallExpression, roots: Set<string>): boolean {
	let callee: ts.Expression = call.expression
	// it.each(table)(name, fn), it.skipIf(condition)(name, fn), test.each`table`(name, fn)
	if (ts.isCallExpression(callee)) callee = callee.expression
	else if (ts.isTaggedTemplateExpression(callee)) callee = callee.tag
	while (ts.isPropertyAccessExpression(callee)) callee = callee.expression
	return ts.isIdentifier(callee) && roots.has(callee.text) && call.arguments.length > 0
}

function isCalleeOfOuterCall(call: ts.CallExpression) {
	return ts.isCallExpression(call.parent) && call.parent.expression === call
}

function testName(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
	const [first] = call.arguments
	if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return first.text
	const text = first?.getText(sourceFile) ?? call.getText(sourceFile)
	return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** The `//` lines directly above a line, top to bottom; a blank line or code ends the block. */
function commentBlockAbove(lines: string[], index: number): string[] {
	const block: string[] = []
	for (let at = index - 1; at >= 0; at--) {
		const text = (lines[at] as string).trim()
		if (!text.startsWith('//')) break
		block.unshift(text)
	}
	return block
}

/** What a quote is compared as: whitespace collapsed, Markdown emphasis and code marks (`*`, `_`, backticks) left out. */
export function normalizeStatement(text: string): string {
	return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
}

/** The text of a source file's comments and doc comments, markers removed: what a src/ quote may come from. */
export function sourceComments(source: string, fileName: string): string {
	const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, /\.m?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS)
	const seen = new Set<number>()
	const comments: string[] = []
	const collect = (position: number) => {
		for (const range of [...(ts.getTrailingCommentRanges(source, position) ?? []), ...(ts.getLeadingCommentRanges(source, position) ?? [])]) {
			if (seen.has(range.pos)) continue
			seen.add(range.pos)
			comments.push(
				source
					.slice(range.pos, range.end)
					.replace(/^\/\*+|\*+\/$/g, '')
					.replace(/^\s*(?:\/\/+|\*+)/gm, ''),
			)
		}
	}
	const visit = (node: ts.Node) => {
		collect(node.pos)
		ts.forEachChild(node, visit)
		collect(node.end)
	}
	visit(sourceFile)
	collect(sourceFile.endOfFileToken.pos)
	return comments.join('\n')
}

type Documents = { readme?: string; srcComments: Map<string, string>; srcCode: Record<string, string>; stageBriefs?: string[] }

/** Rule hidden-test-stated: one problem per hidden test that states its behaviour nowhere, or quotes what its source does not say. */
export function checkHiddenTestStatements(folder: ExerciseFolder, report: Report) {
	const architecture = isArchitecture(folder.metadata)
	const documents: Documents = {
		readme: folder.readme,
		srcComments: new Map(Object.entries(folder.src).map(([path, text]) => [path, normalizeStatement(sourceComments(text, path))])),
		srcCode: folder.src,
		stageBriefs: architecture ? architectureStages(folder.metadata)?.map((stage) => stage.brief) : undefined,
	}
	for (const file of testFilePaths(folder.hiddenTests)) {
		for (const test of findHiddenTests(folder.hiddenTests[file] as string, file, { scenarios: architecture })) {
			const wrong = statementProblems(test, documents, architecture)
			if (wrong === undefined) continue
			report('hidden-test-stated', `${file} line ${test.line}, test "${test.name}": ${wrong}`, file)
		}
	}
}

function statementProblems(test: HiddenTest, documents: Documents, architecture: boolean): string | undefined {
	const statements = test.comments.filter((comment) => STATED_PREFIX.test(comment))
	const where = architecture ? 'README.md, a src/ file or a stage brief' : 'README.md or a src/ file'
	if (statements.length === 0) {
		return `no "// Stated in …" comment directly above it; quote where ${where} states the behaviour it checks, e.g. // Stated in README.md: "<at least ${MIN_QUOTE_LENGTH} characters>"`
	}
	const problems = statements.map((statement) => quoteProblem(statement, documents, architecture)).filter((problem) => problem !== undefined)
	return problems.length > 0 ? problems.join('; ') : undefined
}

function quoteProblem(statement: string, documents: Documents, architecture: boolean): string | undefined {
	const match = STATED_LINE.exec(statement)
	if (!match) return `cannot read ${JSON.stringify(statement)}: write // Stated in README.md: "<quote>", // Stated in src/<path>: "<quote>"${architecture ? ' or // Stated in stage 2 brief: "<quote>"' : ''}`
	const [, source, stage, rawQuote] = match as unknown as [string, string, string | undefined, string]
	const quote = normalizeStatement(rawQuote)
	if (quote.length < MIN_QUOTE_LENGTH) return `the quote "${rawQuote}" has ${quote.length} characters; quote at least ${MIN_QUOTE_LENGTH}, enough to pin the statement down`
	const text = documentText(source, stage, documents, architecture)
	if (typeof text === 'object') return text.problem
	if (text.includes(quote)) return undefined
	const elsewhere = whereElse(quote, source, documents)
	return `"${rawQuote}" is not in ${source === README_FILE ? 'README.md' : source.startsWith('src/') ? `the comments of ${source}` : source}${elsewhere ? ` (it is in ${elsewhere})` : ''}`
}

function documentText(source: string, stage: string | undefined, documents: Documents, architecture: boolean): string | { problem: string } {
	if (source === README_FILE) return documents.readme === undefined ? { problem: 'there is no README.md' } : normalizeStatement(documents.readme)
	if (stage !== undefined) {
		if (!architecture) return { problem: `a debugging exercise has no stage briefs; quote README.md or a src/ file` }
		const brief = documents.stageBriefs?.[Number(stage) - 1]
		return brief === undefined ? { problem: `there is no stage ${stage} (exercise.json has stages 1 and 2)` } : normalizeStatement(brief)
	}
	const comments = documents.srcComments.get(source)
	return comments ?? { problem: `${source} is not a file of src/ (quote the starter's file, by its path in src/)` }
}

// Where a quote that is not where it says it is can be found, to say which comment is wrong.
function whereElse(quote: string, source: string, documents: Documents): string | undefined {
	if (source !== README_FILE && documents.readme !== undefined && normalizeStatement(documents.readme).includes(quote)) return 'README.md'
	for (const [path, comments] of documents.srcComments) if (path !== source && comments.includes(quote)) return `the comments of ${path}`
	for (const [index, brief] of (documents.stageBriefs ?? []).entries()) if (normalizeStatement(brief).includes(quote)) return `the stage ${index + 1} brief`
	for (const [path, code] of Object.entries(documents.srcCode)) {
		if (normalizeStatement(code).includes(quote)) return `the code of ${path}, not its comments; quote what its comments or the README say the code should do`
	}
	return undefined
}
