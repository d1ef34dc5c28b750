import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { CODE_FILE_PATTERN } from './protocol.ts'

/** Every code file under dir (except solution/ and dotfiles), keyed by its POSIX path relative to dir. */
export function collectFiles(dir: string): Record<string, string> {
	const files: Record<string, string> = {}
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
			const full = path.join(current, entry.name)
			const relative = path.relative(dir, full).split(path.sep).join('/')
			if (entry.isDirectory()) {
				if (relative !== 'solution') walk(full)
			} else if (CODE_FILE_PATTERN.test(entry.name) && statSync(full).size <= 32 * 1024 * 1024) {
				files[relative] = readFileSync(full, 'utf8')
			}
		}
	}
	walk(dir)
	return files
}
