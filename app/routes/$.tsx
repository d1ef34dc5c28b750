import type { Route } from './+types/$'

// Unknown paths render the root error boundary's friendly 404 inside the normal layout.
export async function loader(_: Route.LoaderArgs) {
	throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
	return null
}
