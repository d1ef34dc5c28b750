// Refuse to run on an old Node: the project pins Node 24 through the `node` devDependency,
// which only takes effect when commands go through npm (npm run / npx).
export function assertSupportedNode(what: string) {
	const major = Number(process.versions.node.split('.')[0])
	if (major < 22) {
		console.error(
			`${what} needs Node 22 or newer, but this is Node ${process.versions.node}.\n` +
				`Run it through npm so the project's pinned Node 24 is used: npm start, npm test, npm run <script>.`,
		)
		process.exit(1)
	}
}
