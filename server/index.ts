// Entry point. The Node check runs before anything else is imported, so an old Node
// fails with a message instead of an obscure syntax or native-module error.
import { assertSupportedNode } from './node-version.ts'

assertSupportedNode('The Hardmode server')
const { startServer } = await import('./app.ts')
await startServer()
