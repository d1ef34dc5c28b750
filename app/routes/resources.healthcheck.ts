import type { Route } from './+types/resources.healthcheck'
import { getPrisma } from '#app/utils/db.server.ts'

export async function loader(_: Route.LoaderArgs) {
	try {
		await getPrisma().$queryRaw`SELECT 1`
		return Response.json({ status: 'ok', database: 'up' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		console.error(JSON.stringify({ level: 'error', msg: 'healthcheck: database unreachable', error: String(error) }))
		return Response.json({ status: 'error', database: 'down' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
