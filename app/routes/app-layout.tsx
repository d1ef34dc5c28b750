import { Outlet } from 'react-router'
import type { Route } from './+types/app-layout'
import { requireUser } from '#app/utils/auth.server.ts'

// Every page under this layout needs a signed-in user.
export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

export default function AppLayout() {
	return <Outlet />
}
