// Entry point. The Node check runs before anything else is imported, so an old Node
// fails with a message instead of an obscure syntax or native-module error.
import { assertSupportedNode } from './node-version.ts'

assertSupportedNode('The Hardmode server')
const { startServer } = await import('./app.ts')
await startServer()

// Once the server is up (exercises loaded, demo seeded), a demo organisation nobody has
// practised in yet gets six months of simulated history (prisma/seed/history/).
const { getEnv } = await import('#app/utils/env.server.ts')
const env = getEnv()
if (env.SEED_DEMO && env.SEED_HISTORY) {
	const { describeHistory, seedDemoHistory } = await import('#prisma/seed/history/index.ts')
	try {
		const summary = await seedDemoHistory({
			onStart: () => console.log('Simulating six months of practice in the demo organisation (about 15 seconds; the server is already up)…'),
		})
		if (summary) console.log(describeHistory(summary))
	} catch (error) {
		// The server keeps serving: history is a convenience of the demo, not something it needs.
		console.error(`Could not add the demo history (${error instanceof Error ? error.message : String(error)}). Run \`npm run db:seed\` to try again.`)
	}
}
