import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'prisma/**/*.test.ts'],
		// *.build.test.ts need the production build: `npm test` runs them after building (vitest.build.config.ts).
		exclude: ['node_modules', 'build', 'exercises/**', 'tests/e2e/**', 'app/runner/fixtures/**', '**/*.build.test.ts'],
		setupFiles: ['./tests/setup/node-version.ts'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
})
