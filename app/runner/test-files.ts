// Which of a run's files are test files, and which are test code, in one place for the app,
// the worker and the in-isolate harness (which bundles this file: no imports).

/** A test file the sandbox runs by default: *.test|spec.(ts|js|mts|mjs). */
export const TEST_FILE_PATTERN = /\.(test|spec)\.(ts|js|mts|mjs)$/
/** A file the sandbox compiles as a module. */
export const CODE_FILE_PATTERN = /\.(ts|js|mts|mjs)$/

/**
 * Test code: a test file or anything under tests/. Only test code defines tests and hooks and
 * imports the test API, the simulation kit or other tests; everything else is code under test.
 */
export function isTestCode(file: string) {
	return TEST_FILE_PATTERN.test(file) || file.startsWith('tests/')
}
