// `npm run runner`: starts a runner node (docs/deploy.md, "Runner nodes"). It reads only its
// own settings, never the app's: it needs no database URL and no session secret.
import { assertSupportedNode } from '../node-version.ts'

assertSupportedNode('The runner node')
const { parseRunnerNodeEnv } = await import('#app/runner/remote/env.ts')
let env
try {
	env = parseRunnerNodeEnv(process.env)
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error))
	process.exit(1)
}
const { startRunnerNode } = await import('#server/runner-node.ts')
startRunnerNode(env)
