import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { destroySession } from '#app/utils/auth.server.ts'

// Logging out changes data, so it is a POST; a GET just goes home.
export async function loader() {
	return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const cookie = await destroySession(request)
	return redirect('/login?loggedOut=1', { headers: { 'Set-Cookie': cookie } })
}
