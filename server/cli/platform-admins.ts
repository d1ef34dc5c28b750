// `npm run platform:admins -- list | grant <e-mail> | revoke <e-mail>`: who holds the platform
// role, which sees exercise analytics across organisations (ADR 015). Only someone with a
// shell on the server (and so the database) can run it; no page can grant the role.
// The Node check runs before anything else is imported (see server/index.ts).
import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('The platform:admins command')

const USAGE = `Usage: npm run platform:admins -- <command>
  list             the accounts that hold the platform role
  grant <e-mail>   give the platform role to an existing account
  revoke <e-mail>  take it away
The platform role sees exercise analytics across organisations, as aggregates over at
least 5 organisations. Uses DATABASE_URL (unset: the embedded database in ./data/pglite,
which only one process opens at a time: stop the server first).`

const [command, email, ...extra] = process.argv.slice(2)
const wellFormed = (command === 'list' && email === undefined) || ((command === 'grant' || command === 'revoke') && email !== undefined && extra.length === 0)
if (!wellFormed) {
	console.error(USAGE)
	process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 1)
}

const { getDatabase } = await import('#app/utils/db.server.ts')
const { grantPlatformAdmin, listPlatformAdmins, revokePlatformAdmin } = await import('#app/models/platform-admin.server.ts')

let database: ReturnType<typeof getDatabase> | undefined
try {
	database = getDatabase()
	if (command === 'list') {
		const admins = await listPlatformAdmins()
		if (admins.length === 0) console.log('Nobody holds the platform role. Grant it with: npm run platform:admins -- grant <e-mail>')
		for (const admin of admins) console.log(`${admin.email}  ${admin.name} (${admin.organization.name})`)
	} else {
		const result = command === 'grant' ? await grantPlatformAdmin(email!) : await revokePlatformAdmin(email!)
		if (!result.ok) {
			console.error(result.message)
			process.exitCode = 1
		} else {
			const who = `${result.user.email} (${result.user.name}, ${result.user.organizationName})`
			if (command === 'grant') console.log(result.changed ? `${who} now holds the platform role.` : `${who} already holds the platform role.`)
			else console.log(result.changed ? `${who} no longer holds the platform role.` : `${who} did not hold the platform role.`)
		}
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await database?.close()
}
