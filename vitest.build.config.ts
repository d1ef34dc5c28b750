// Tests of a real server process on the production build (`npm run build` first; `npm test` builds, then runs these).
import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['server/**/*.build.test.ts'],
		setupFiles: ['./tests/setup/node-version.ts'],
		pool: 'forks',
		testTimeout: 120_000,
		hookTimeout: 60_000,
	},
})
