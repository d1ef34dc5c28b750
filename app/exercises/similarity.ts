// How much of one code base is another one renamed. Variants of a bug family must be set in
// different systems, so a variant whose src/ shares more than a quarter of its lines with
// another variant, once names and literals are blanked out, is a renamed copy. Pure.
//
// A line's shape is its tokens, as the TypeScript parser reads them (so template literals,
// regular expressions and comments are read right), with
// - every identifier numbered by its first appearance in the line (`this.total = order.total`
//   is `this . I0 = I1 . I0`), which a consistent renaming keeps, unless it names a built-in
//   of the language (Map, push, Math.round), which a renamed copy cannot rename;
// - every string, number, template or regex literal as `L`;
// - keywords and punctuation as they are.
// Left out, because unrelated code bases share them: type declarations (every domain has an
// `id: string`), trivial lines (fewer than MIN_TOKENS tokens besides brackets and separators,
// like `}`, `return total`, `} catch (error) {`), and imports.
//
// Calibrated on the catalogue (docs/authoring.md, rule family-similarity): unrelated code
// bases share at most about a fifth of their lines this way, a renamed copy nearly all.
import ts from 'typescript'
import { type ExerciseFiles, CODE_FILE_PATTERN } from './exercise-folder.ts'

/** Above this share of its lines, a variant is a renamed copy of another. */
export const MAX_SHARED_LINES = 0.25
const MIN_TOKENS = 6
const LITERAL = 'L'
// Brackets and separators carry layout more than meaning: they do not count toward MIN_TOKENS.
const LAYOUT_TOKENS = new Set(['(', ')', '[', ']', '{', '}', ';', ','])
const LITERAL_KINDS = new Set([
	ts.SyntaxKind.StringLiteral,
	ts.SyntaxKind.NumericLiteral,
	ts.SyntaxKind.BigIntLiteral,
	ts.SyntaxKind.NoSubstitutionTemplateLiteral,
	ts.SyntaxKind.TemplateHead,
	ts.SyntaxKind.TemplateMiddle,
	ts.SyntaxKind.TemplateTail,
	ts.SyntaxKind.RegularExpressionLiteral,
])
const { globals: BUILT_IN_GLOBALS, members: BUILT_IN_MEMBERS } = builtInNames()

/** The shapes of a code base's non-trivial lines, as a multiset: shape → how many lines have it. */
export type LineShapes = { shapes: Map<string, number>; lines: number }

/** The shape of every non-trivial line of one source file, in order. */
export function lineShapes(source: string, fileName = 'file.ts'): string[] {
	const kind = /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS
	const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind)
	const byLine = new Map<number, ts.Node[]>()
	const visit = (node: ts.Node) => {
		if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return
		if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return
		const children = node.getChildren(sourceFile)
		if (children.length > 0 || node.kind === ts.SyntaxKind.SyntaxList) {
			for (const child of children) visit(child)
		} else if (node.kind !== ts.SyntaxKind.EndOfFileToken) {
			const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line
			const tokens = byLine.get(line)
			if (tokens) tokens.push(node)
			else byLine.set(line, [node])
		}
	}
	visit(sourceFile)
	const shapes: string[] = []
	for (const [, tokens] of [...byLine.entries()].sort(([a], [b]) => a - b)) {
		const shape = shapeOf(tokens, sourceFile)
		const first = shape[0]
		if (shape.filter((token) => !LAYOUT_TOKENS.has(token)).length < MIN_TOKENS) continue
		if (first === 'export' && shape.includes('from')) continue // a re-export, an import in all but name
		shapes.push(shape.join(' '))
	}
	return shapes
}

function shapeOf(tokens: ts.Node[], sourceFile: ts.SourceFile): string[] {
	const numbers = new Map<string, string>()
	return tokens.map((token, index) => {
		const text = token.getText(sourceFile)
		if (LITERAL_KINDS.has(token.kind)) return LITERAL
		if (token.kind !== ts.SyntaxKind.Identifier && token.kind !== ts.SyntaxKind.PrivateIdentifier) return text
		// `Math`, `.reduce`: a name of the language. A variable that happens to be called `entries` is the code's own.
		const afterDot = tokens[index - 1]?.kind === ts.SyntaxKind.DotToken || tokens[index - 1]?.kind === ts.SyntaxKind.QuestionDotToken
		if ((afterDot ? BUILT_IN_MEMBERS : BUILT_IN_GLOBALS).has(text)) return text
		let number = numbers.get(text)
		if (number === undefined) {
			number = `I${numbers.size}`
			numbers.set(text, number)
		}
		return number
	})
}

/** The line shapes of every code file of a src/ tree. */
export function codeBaseShapes(src: ExerciseFiles): LineShapes {
	const shapes = new Map<string, number>()
	let lines = 0
	for (const [path, text] of Object.entries(src)) {
		if (!CODE_FILE_PATTERN.test(path)) continue
		for (const shape of lineShapes(text, path)) {
			shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
			lines++
		}
	}
	return { shapes, lines }
}

/** The share of `variant`'s non-trivial lines whose shape `other` also has (each line of `other` matched once), from 0 to 1. */
export function sharedLineShare(variant: LineShapes, other: LineShapes): number {
	if (variant.lines === 0) return 0
	let matched = 0
	for (const [shape, count] of variant.shapes) matched += Math.min(count, other.shapes.get(shape) ?? 0)
	return matched / variant.lines
}

// The language's own names: its globals, and the members of its built-in objects (what may
// follow a dot). Listed from the standard objects rather than the running process's global
// scope, so every machine keeps the same names.
function builtInNames(): { globals: Set<string>; members: Set<string> } {
	const namespaces: Record<string, unknown> = {
		Object, Array, String, Number, Boolean, Symbol, BigInt, Math, JSON, Promise, Map, Set, WeakMap, WeakSet, Date, RegExp,
		Error, TypeError, RangeError, SyntaxError, Intl, Reflect, Proxy, ArrayBuffer, Uint8Array, DataView,
	}
	const globals = new Set([
		...Object.keys(namespaces),
		...['console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'undefined', 'NaN', 'Infinity', 'globalThis'],
	])
	const members = new Set(['log', 'info', 'warn', 'error', 'debug'])
	for (const value of Object.values(namespaces)) {
		for (const name of Object.getOwnPropertyNames(value)) members.add(name)
		const prototype = (value as { prototype?: object }).prototype
		if (prototype) for (const name of Object.getOwnPropertyNames(prototype)) members.add(name)
	}
	// Members a domain names its own things as often as the language does (`order.name`, `batch.size`).
	for (const name of ['name', 'prototype', 'constructor', 'caller', 'arguments', 'message', 'cause', 'size', 'source', 'description']) members.delete(name)
	return { globals, members }
}
