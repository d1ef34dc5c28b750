// `npm run lint`: ESLint with typescript-eslint and the React hooks rules, then Prettier's check.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{
		ignores: [
			'build/**',
			'node_modules/**',
			'app/generated/**',
			'exercises/**',
			'app/runner/fixtures/**',
			'.react-router/**',
			'data/**',
			'tests/.artifacts/**',
			'.scratch/**',
			'playwright-report/**',
			'test-results/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
		},
	},
	// The hooks rules read any use* call as a React hook, so they apply to the React code only,
	// not to test fixtures (Playwright's `use`, useTestPool) or command-line tools.
	{
		files: ['app/**/*.tsx', 'app/components/**/*.ts', 'app/hooks/**/*.ts'],
		ignores: ['**/*.test.{ts,tsx}'],
		plugins: { 'react-hooks': reactHooks },
		rules: reactHooks.configs.recommended.rules,
	},
	{
		files: ['**/*.{js,mjs}'],
		languageOptions: { globals: globals.node },
	},
)
