// Being written: a placeholder so the route table type-checks.
export async function loader() {
	throw new Response('Not found', { status: 404 })
}

export default function Placeholder() {
	return null
}
