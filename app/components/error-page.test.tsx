import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useRouteError } from 'react-router'
import { describe, expect, it } from 'vitest'
import { ErrorPage } from './error-page.tsx'

// Renders a route whose loader fails, the way the server does, and returns the HTML.
async function renderFailingRoute(loader: () => unknown) {
	const routes = [
		{
			id: 'root',
			path: '/',
			loader,
			Component: () => <p>page content</p>,
			ErrorBoundary: () => <ErrorPage error={useRouteError()} />,
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://localhost/'))
	if (context instanceof Response) throw new Error('unexpected redirect')
	const router = createStaticRouter(handler.dataRoutes, context)
	return { status: context.statusCode, html: renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />) }
}

describe('error pages', () => {
	it('answers an unexpected failure with a 500 page that says what to do and hides the details', async () => {
		const { status, html } = await renderFailingRoute(() => {
			throw new Error('connect ECONNREFUSED 10.0.0.5:5432')
		})
		expect(status).toBe(500)
		expect(html).toContain('Something went wrong on our side')
		expect(html).toContain('Try again in a moment')
		expect(html).not.toContain('ECONNREFUSED')
	})

	it('answers a missing page with a friendly 404', async () => {
		const { status, html } = await renderFailingRoute(() => {
			throw new Response('Not found', { status: 404 })
		})
		expect(status).toBe(404)
		expect(html).toContain('We could not find that page')
		expect(html).not.toContain('page content')
	})

	it('passes a 403 reason through to the reader', async () => {
		const { status, html } = await renderFailingRoute(() => {
			throw new Response('Only organisation admins can open this page.', { status: 403 })
		})
		expect(status).toBe(403)
		expect(html).toContain('Only organisation admins can open this page.')
	})
})
