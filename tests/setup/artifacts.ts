import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Everything a test run leaves behind lives under tests/.artifacts (git-ignored), so
// `rm -rf tests/.artifacts` resets it and nothing leaks into ./data or ./build.
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))

export const ARTIFACTS_DIR = path.join(root, 'tests/.artifacts')

/** Reports that `npm test` reads its test counts from. */
export const VITEST_PGLITE_REPORT = path.join(ARTIFACTS_DIR, 'reports/vitest-pglite.json')
export const VITEST_POSTGRES_REPORT = path.join(ARTIFACTS_DIR, 'reports/vitest-postgres.json')
export const VITEST_BUILD_REPORT = path.join(ARTIFACTS_DIR, 'reports/vitest-build.json')
export const PLAYWRIGHT_REPORT = path.join(ARTIFACTS_DIR, 'reports/playwright.json')

/** Screenshots, traces and error context of failed end-to-end tests. */
export const PLAYWRIGHT_OUTPUT_DIR = path.join(ARTIFACTS_DIR, 'playwright')

/** The end-to-end server's state: a fresh embedded database and data directory per run. */
export const E2E_SERVER_DIR = path.join(ARTIFACTS_DIR, 'e2e-server')
export const E2E_DATABASE_DIR = path.join(E2E_SERVER_DIR, 'db')
export const E2E_DATA_DIR = path.join(E2E_SERVER_DIR, 'data')
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
/** A second server whose demo organisation has six months of simulated history, for the growth pages. */
export const E2E_HISTORY_DATABASE_DIR = path.join(E2E_SERVER_DIR, 'history-db')
export const E2E_HISTORY_DATA_DIR = path.join(E2E_SERVER_DIR, 'history-data')

/** The production build the end-to-end server serves. */
export const SERVER_BUILD_ENTRY = path.join(root, 'build/server/index.js')
export const E2E_HISTORY_BASE_URL = `http://127.0.0.1:${E2E_PORT + 1}`
