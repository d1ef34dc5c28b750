// The metrics a Prometheus server scrapes: route patterns instead of raw URLs, the token, and
// the series the runbook names.
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'
import express from 'express'
import { afterAll, describe, expect, it } from 'vitest'
import { getMetrics, observeEventBatch, observeQuery, observeRun, watchPool } from '#app/utils/metrics.server.ts'
import { hasMetricsToken, requestMetrics, routePatterns, startMetricsServer } from './metrics.ts'

const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({ id, parentId, path, index, module: {} })
const build = {
	routes: {
		root: route('root', undefined, ''),
		'routes/index': route('routes/index', 'root', undefined, true),
		'routes/attempts.$attemptId.runs': route('routes/attempts.$attemptId.runs', 'root', 'attempts/:attemptId/runs'),
		'routes/attempts.$attemptId': route('routes/attempts.$attemptId', 'root', 'attempts/:attemptId'),
		'routes/$': route('routes/$', 'root', '*'),
	},
} as unknown as ServerBuild

describe('route patterns', () => {
	it('labels a request with the route it reaches, never with the ids in its URL', async () => {
		const patternOf = routePatterns(build)
		expect(await patternOf('/attempts/cm1abc/runs')).toBe('/attempts/:attemptId/runs')
		expect(await patternOf('/attempts/cm1abc')).toBe('/attempts/:attemptId')
		expect(await patternOf('/')).toBe('/')
		expect(await patternOf('/no/such/page/42')).toBe('/*')
	})
})

describe('request latency', () => {
	it("counts a page's data request under the page's route, and static files under one label", async () => {
		const app = express()
		app.use(requestMetrics(routePatterns(build)))
		app.use((_req, res) => void res.send('ok'))
		const server = app.listen(0, '127.0.0.1')
		await once(server, 'listening')
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
		try {
			for (const path of ['/attempts/cm1.data', '/attempts/cm2', '/assets/app-3f2a.js']) await (await fetch(`${base}${path}`)).text()
			await expect
				.poll(async () => getMetrics().registry.metrics())
				.toMatch(/^hardmode_http_request_duration_seconds_count\{route="\/attempts\/:attemptId",method="GET",status="2xx"\} 2$/m)
			const text = await getMetrics().registry.metrics()
			expect(text).not.toContain('cm1')
			expect(text).toMatch(/^hardmode_http_request_duration_seconds_count\{route="\/assets\/\*",method="GET",status="2xx"\} 1$/m)
		} finally {
			server.close()
		}
	})
})

describe('the metrics token', () => {
	it('is accepted only as the exact bearer token', () => {
		const token = 'a-long-metrics-token-1234'
		expect(hasMetricsToken(`Bearer ${token}`, token)).toBe(true)
		expect(hasMetricsToken(`Bearer ${token}x`, token)).toBe(false)
		expect(hasMetricsToken(token, token)).toBe(false)
		expect(hasMetricsToken(undefined, token)).toBe(false)
	})
})

describe('the metrics port', () => {
	const token = 'scrape-token-for-the-test'
	const server = startMetricsServer({ port: 0, host: '127.0.0.1', token })
	afterAll(() => new Promise((resolve) => server.close(resolve)))
	const url = async () => {
		if (!server.listening) await once(server, 'listening')
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`
	}

	it('refuses a scrape without the token, with a message that says what to send', async () => {
		const response = await fetch(await url())
		expect(response.status).toBe(401)
		expect(await response.text()).toContain('Authorization: Bearer <METRICS_TOKEN>')
	})

	it('shows runs by outcome and limit, the sandbox queue and restarts, event batches and query time', async () => {
		observeRun('run', { status: 'pass' }, 0.02)
		observeRun('submit', { status: 'error', limit: 'time' }, 5.1)
		observeEventBatch('stored', 0.004, 3)
		observeQuery(1.5)
		const stop = watchPool(() => ({ queueDepth: 4, busyWorkers: 2, stats: { started: 3, recycled: 1, crashed: 1, killed: 2 } }))
		const response = await fetch(await url(), { headers: { Authorization: `Bearer ${token}` } })
		stop()
		expect(response.status).toBe(200)
		const text = await response.text()
		expect(text).toMatch(/^hardmode_runs_total\{kind="run",status="pass",limit="none"\} 1$/m)
		expect(text).toMatch(/^hardmode_runs_total\{kind="submit",status="error",limit="time"\} 1$/m)
		expect(text).toMatch(/^hardmode_run_duration_seconds_count\{kind="run"\} 1$/m)
		expect(text).toMatch(/^hardmode_sandbox_queue_depth 4$/m)
		expect(text).toMatch(/^hardmode_sandbox_worker_restarts_total\{reason="killed"\} 2$/m)
		expect(text).toMatch(/^hardmode_event_batches_total\{outcome="stored"\} 1$/m)
		expect(text).toMatch(/^hardmode_events_stored_total 3$/m)
		expect(text).toMatch(/^hardmode_db_query_duration_seconds_count 1$/m)
	})
})
