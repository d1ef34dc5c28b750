import { data, redirect } from 'react-router'
import type { Route } from './+types/resources.theme'
import { parseTheme, THEME_COOKIE } from '#app/utils/theme.ts'
import { safeRedirectPath } from '#app/utils/auth.server.ts'

export async function loader() {
	return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const formData = await request.formData()
	const theme = parseTheme(String(formData.get('theme')))
	if (!theme) return data({ error: 'Choose light or dark.' }, { status: 400 })
	const cookie = `${THEME_COOKIE}=${theme}; Path=/; SameSite=Lax; Max-Age=31536000`
	// Without JavaScript the form posts here directly; send the browser back where it was.
	const back = formData.get('redirectTo')
	if (back) return redirect(safeRedirectPath(back, '/'), { headers: { 'Set-Cookie': cookie } })
	return data({ theme }, { headers: { 'Set-Cookie': cookie } })
}
