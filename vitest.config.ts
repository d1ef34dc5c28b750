import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'prisma/**/*.test.ts'],
		exclude: ['node_modules', 'build', 'exercises/**', 'tests/e2e/**', 'app/runner/fixtures/**'],
		setupFiles: ['./tests/setup/node-version.ts'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
})
