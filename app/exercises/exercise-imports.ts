// Which files an exercise file imports, resolved the way the sandbox resolves them. Pure.
import type { ExerciseFiles } from './exercise-folder.ts'

const IMPORT_SPECIFIER = /(?:^|[;\s}])(?:import|export)\s*(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g

export function importSpecifiers(source: string): string[] {
	const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
	return [...withoutComments.matchAll(IMPORT_SPECIFIER)].map((match) => (match[1] ?? match[2]) as string)
}

const RESOLVE_SUFFIXES = ['', '.ts', '.js', '.mts', '.mjs', '/index.ts', '/index.js']

export function resolveImport(fromPath: string, specifier: string, files: ExerciseFiles): string | undefined {
	const base = joinPosix(fromPath.split('/').slice(0, -1).join('/'), specifier)
	if (base === undefined) return undefined
	return RESOLVE_SUFFIXES.map((suffix) => base + suffix).find((candidate) => candidate in files)
}

function joinPosix(directory: string, relative: string): string | undefined {
	const parts = directory === '' ? [] : directory.split('/')
	for (const part of relative.split('/')) {
		if (part === '.' || part === '') continue
		if (part === '..') {
			if (parts.length === 0) return undefined
			parts.pop()
		} else {
			parts.push(part)
		}
	}
	return parts.join('/')
}

export function importedBySomeFile(target: string, files: ExerciseFiles) {
	return Object.entries(files).some(
		([path, text]) => path !== target && importSpecifiers(text).some((specifier) => resolveImport(path, specifier, { [target]: '' }) === target),
	)
}
