// The web instance's side of metrics (ADR 034): request latency labelled by route pattern, the
// sandbox pool watched at each scrape, and the /metrics endpoint — on its own port
// (METRICS_PORT) or behind a bearer token (METRICS_TOKEN); with neither it is not served.
import { timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { Request, RequestHandler } from 'express'
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'
import { getMetrics, watchPool, type PoolReading } from '#app/utils/metrics.server.ts'

type Build = ServerBuild | (() => Promise<ServerBuild>)
type RouteNode = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteNode[] }

/** Route patterns by URL path, from React Router's route manifest ("/attempts/:attemptId/runs"). */
export function routePatterns(build: Build): (pathname: string) => Promise<string> {
	let cached: { build: ServerBuild; tree: RouteNode[] } | undefined
	return async (pathname) => {
		const current = typeof build === 'function' ? await build() : build
		if (cached?.build !== current) cached = { build: current, tree: routeTree(current) }
		const matches = matchRoutes(cached.tree as RouteObject[], pathname) ?? []
		const parts = matches.map((match) => match.route.path).filter((part): part is string => Boolean(part))
		if (parts.length === 0) return matches.length ? '/' : 'unmatched'
		return `/${parts.join('/')}`.replace(/\/{2,}/g, '/')
	}
}

function routeTree(build: ServerBuild): RouteNode[] {
	const nodes = new Map<string, RouteNode & { parentId?: string }>()
	for (const route of Object.values(build.routes)) {
		if (!route) continue
		nodes.set(route.id, { id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive, parentId: route.parentId })
	}
	const roots: RouteNode[] = []
	for (const node of nodes.values()) {
		const parent = node.parentId ? nodes.get(node.parentId) : undefined
		// An index route must have no `children` at all, not an empty list.
		if (parent) (parent.children ??= []).push(node)
		else roots.push(node)
	}
	return roots
}

/**
 * Times every request into hardmode_http_request_duration_seconds. Static files are one label
 * ("/assets/*"), everything else is labelled with the React Router route it reaches, so a label
 * never holds an id and the number of series stays bounded.
 */
export function requestMetrics(patternOf: ((pathname: string) => Promise<string>) | undefined): RequestHandler {
	const { httpDuration, httpInFlight } = getMetrics()
	return (req, res, next) => {
		const started = process.hrtime.bigint()
		httpInFlight.inc()
		let finished = false
		res.once('close', () => {
			if (finished) return
			finished = true
			httpInFlight.dec()
			const seconds = Number(process.hrtime.bigint() - started) / 1e9
			void labelOf(req, patternOf).then((route) =>
				httpDuration.observe({ route, method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }, seconds),
			)
		})
		next()
	}
}

async function labelOf(req: Request, patternOf: ((pathname: string) => Promise<string>) | undefined) {
	if (req.path.startsWith('/assets/')) return '/assets/*'
	if (!patternOf) return 'other'
	try {
		// React Router's data requests (`/teams/x.data`, `/_root.data`) count under the page they load for.
		const pathname = req.path === '/_root.data' ? '/' : req.path.replace(/\.data$/, '')
		return await patternOf(pathname)
	} catch {
		return 'unmatched'
	}
}

/** The in-process sandbox pool, read at each scrape without starting one (runner nodes watch their own). */
export function watchDefaultPool(): () => void {
	return watchPool(() => {
		const pool = (globalThis as { __hardmodeRunnerPool?: { load?: () => Omit<PoolReading, 'stats'>; stats?: PoolReading['stats'] } }).__hardmodeRunnerPool
		if (!pool?.load || !pool.stats) return undefined
		return { ...pool.load(), stats: pool.stats }
	})
}

/** True when the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function hasMetricsToken(authorization: string | undefined, token: string) {
	const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '')
	const expected = Buffer.from(token)
	return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Answers GET /metrics in Prometheus' text format; with a token, only to who sends it. */
export async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, token: string | undefined) {
	const { registry } = getMetrics()
	if (token !== undefined && !hasMetricsToken(req.headers.authorization, token)) {
		res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"' })
		res.end('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".\n')
		return
	}
	try {
		const body = await registry.metrics()
		res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' })
		res.end(body)
	} catch (error) {
		res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
		res.end(`Could not collect the metrics: ${error instanceof Error ? error.message : String(error)}\n`)
	}
}

/** The metrics on a port of their own, answering /metrics and nothing else. */
export function startMetricsServer(options: { port: number; host: string; token?: string }): http.Server {
	const server = http.createServer((req, res) => {
		if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') return void serveMetrics(req, res, options.token)
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
		res.end('Metrics are at /metrics.\n')
	})
	server.listen(options.port, options.host)
	return server
}
