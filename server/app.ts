import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import compression from 'compression'
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import helmet from 'helmet'
import { pino, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import { RouterContextProvider, type ServerBuild } from 'react-router'
import { cspNonceContext, editorAssetsContext } from '#app/utils/request-context.ts'
import { getEnv, type Env } from '#app/utils/env.server.ts'
import { getDatabase, parseDatabaseUrl } from '#app/utils/db.server.ts'
import { startOutboxDelivery } from '#app/mail/sender.server.ts'
import { startNotificationJob } from '#app/models/notification-job.server.ts'
import { requestIdFrom, withRequestId, REQUEST_ID_HEADER } from '#app/utils/request-id.server.ts'
import { DEMO_LOGINS } from '#prisma/seed/demo.ts'
import { PROOF_CACHE_FILE, watchExercises } from './exercise-sync.ts'
import { createPageHandler } from './react-router-handler.ts'
import { withTestClock } from './test-clock.ts'
import { readBodyWithinLimit, type OversizedBody } from './request-body.ts'
import { renderStatusPage } from './status-page.ts'
import { requestLimit } from './request-limit.ts'
import { prepareDatabase } from './startup.ts'
import { startMaintenance } from './maintenance.ts'
import { createLifecycle, READINESS_PATH, shutDown } from './lifecycle.ts'
import { requestMetrics, routePatterns, serveMetrics, startMetricsServer, watchDefaultPool } from './metrics.ts'

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)))

export async function startServer() {
	const env = getEnv()
	const isProduction = env.NODE_ENV === 'production'
	const logger = pino({
		level: env.LOG_LEVEL,
		...(isProduction ? {} : { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } }),
	})

	const database = getDatabase()
	const { prisma } = database
	const exercisesRoot = path.join(root, 'exercises')
	// Migrations, ratings, exercises and the demo: once, however many instances start together (ADR 033).
	const location = parseDatabaseUrl(process.env.DATABASE_URL)
	const url = location.kind === 'postgres' ? location.url : null
	const { seeded } = await prepareDatabase({ database, url, logger, exercisesRoot, proofCacheFile: PROOF_CACHE_FILE, seedDemo: env.SEED_DEMO })
	if (seeded) printDemoLogins(env.PORT)
	const stopWatchingExercises = isProduction ? undefined : watchExercises(prisma, exercisesRoot, logger, { proofCacheFile: PROOF_CACHE_FILE })
	const mailSender = startOutboxDelivery({ prisma, env, logger })

	const viteDevServer = isProduction ? undefined : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true }, root }))
	// Vite's inner dev server (React Router's child compiler) exits the process on SIGTERM, which
	// would cut the requests in flight; this server shuts itself down (below).
	if (viteDevServer) for (const listener of process.listeners('SIGTERM')) process.off('SIGTERM', listener)
	const assets = viteDevServer ? viteDevServer.middlewares : clientBuildFiles()
	const build = viteDevServer
		? () => viteDevServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
		: ((await import(path.join(root, 'build/server/index.js'))) as ServerBuild)
	const created = createApp({ env, logger, assets, pages: reactRouterHandler(build, env.NODE_ENV), routePatterns: routePatterns(build) })
	const app = env.TEST_CLOCK ? withTestClock(created) : created
	if (env.TEST_CLOCK) logger.warn('TEST_CLOCK is on: POST /__test/clock moves this server’s clock forward. Never use it on a real deployment.')

	// Readiness and the count of requests in flight sit in front of the app, for graceful shutdown (ADR 034).
	const lifecycle = createLifecycle({ databaseUp: () => prisma.$queryRaw`SELECT 1`.then(() => true) })
	const server = http.createServer(lifecycle.handle(app)).listen(env.PORT, env.HOST, () => {
		logger.info(`Hardmode is running at http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`)
	})
	const stopWatchingPool = watchDefaultPool()
	const metricsServer = env.METRICS_PORT ? startMetricsServer({ port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN }) : undefined
	if (metricsServer) logger.info(`Metrics are at http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics`)
	// Assignments due tomorrow, attempts waiting for review and leads' digests, every few minutes (ADR 031).
	const stopNotificationJob = startNotificationJob(logger)
	// The embedded database's VACUUM ANALYZE, hourly (ADR 033); PostgreSQL's autovacuum does its own.
	const stopMaintenance = startMaintenance(database, logger)

	let stopping = false
	const stop = async (signal: string) => {
		// A second signal (Ctrl-C twice) does not wait.
		if (stopping) process.exit(1)
		stopping = true
		logger.info(`${signal} received, shutting down`)
		const code = await shutDown({
			server,
			lifecycle,
			logger,
			timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
			jobs: [
				{ name: 'the exercise watcher', run: () => stopWatchingExercises?.() },
				{ name: 'the mail sender', run: () => mailSender?.stop() },
				{ name: 'the notification job', run: () => stopNotificationJob() },
				{ name: 'database maintenance', run: () => stopMaintenance() },
			],
			after: [
				{ name: 'the sandbox', run: () => closeSandbox(stopWatchingPool) },
				{ name: 'the metrics server', run: () => metricsServer && new Promise((resolve) => metricsServer.close(resolve)) },
				{ name: 'the dev server', run: () => viteDevServer?.close() },
				// Closing PGlite flushes it and releases its folder lock.
				{ name: 'closing the database', run: () => database.close() },
			],
		})
		process.exit(code)
	}
	process.on('SIGINT', () => void stop('SIGINT'))
	process.on('SIGTERM', () => void stop('SIGTERM'))
	return server
}

/** Closes the in-process sandbox pool once no run needs it (a runner node's is its own). */
async function closeSandbox(stopWatchingPool: () => void) {
	stopWatchingPool()
	const pool = (globalThis as { __hardmodeRunnerPool?: { close(): Promise<unknown> } }).__hardmodeRunnerPool
	await pool?.close()
}

export type AppOptions = {
	env: Env
	logger: Logger
	/** Static files (the client build, or Vite's dev middleware), served before the pages. */
	assets: RequestHandler
	/** Everything else: React Router. */
	pages: RequestHandler
	/** The route pattern a path reaches, for request metrics (server/metrics.ts). */
	routePatterns?: (pathname: string) => Promise<string>
}

/** The Express app with its security, logging and limits in front of the pages; not yet listening. */
export function createApp({ env, logger, assets, pages, routePatterns }: AppOptions) {
	const isProduction = env.NODE_ENV === 'production'
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)
	app.use(requestMetrics(routePatterns))

	app.use((req, res, next) => {
		res.locals.cspNonce = randomBytes(16).toString('base64')
		// The client IP reaches route modules through this header; set here so clients cannot forge it.
		req.headers['x-hardmode-client-ip'] = req.ip ?? 'unknown'
		next()
	})
	app.use(
		helmet({
			contentSecurityPolicy: {
				useDefaults: false,
				directives: {
					'default-src': ["'self'"],
					'script-src': isProduction
						? ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`]
						: ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
					// Monaco injects styles at run time.
					'style-src': ["'self'", "'unsafe-inline'"],
					'img-src': ["'self'", 'data:', 'blob:'],
					'font-src': ["'self'", 'data:'],
					'worker-src': ["'self'", 'blob:'],
					'connect-src': isProduction ? ["'self'"] : ["'self'", 'ws://localhost:24678'],
					'object-src': ["'none'"],
					'base-uri': ["'self'"],
					'form-action': ["'self'"],
					'frame-ancestors': ["'none'"],
					...(isProduction && env.TRUST_PROXY !== false ? { 'upgrade-insecure-requests': [] } : {}),
				},
			},
			crossOriginEmbedderPolicy: false,
			// With no-referrer, Chrome sends `Origin: null` on form posts, which the origin checks
			// (ours and React Router's) must refuse; same-origin keeps referrers in-house.
			referrerPolicy: { policy: 'same-origin' },
			// HSTS on localhost would pin browsers to https; only send it when cookies are Secure.
			strictTransportSecurity: env.SECURE_COOKIES && env.TRUST_PROXY !== false,
		}),
	)
	app.use(compression())
	app.use(
		pinoHttp({
			logger,
			autoLogging: { ignore: (req) => req.url?.startsWith('/assets/') || req.url === '/resources/healthcheck' || req.url === READINESS_PATH },
			// Every log line of a request carries its id, which the answer and a run sent to a runner node carry too.
			genReqId: (req, res) => {
				const id = requestIdFrom(req.headers['x-request-id'])
				res.setHeader(REQUEST_ID_HEADER, id)
				return id
			},
			customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
			serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url) }), res: (res) => ({ status: res.statusCode }) },
		}),
	)

	app.use((req, _res, next) => withRequestId(String(req.id), next))
	// With METRICS_TOKEN and no port of their own, the metrics are here, for whoever has the token.
	const metricsToken = env.METRICS_TOKEN
	if (metricsToken && !env.METRICS_PORT) app.get('/metrics', (req, res) => void serveMetrics(req, res, metricsToken))

	app.use(readBodyWithinLimit(env.MAX_BODY_BYTES, (req, res, body) => refuseOversizedBody(req, res, body, env.MAX_BODY_BYTES)))

	// Cross-site form posts are refused outright (SameSite=Lax cookies are the first line).
	app.use((req, res, next) => {
		if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
		const origin = req.headers.origin
		if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
			res
				.status(403)
				.type('html')
				.send(renderStatusPage({ status: 403, title: 'Request refused', message: 'This form was sent from another site.' }))
			return
		}
		next()
	})

	// Per signed-in user, else per address (ADR 033).
	app.use(requestLimit({ sessionSecret: env.SESSION_SECRET }))

	app.use(assets)
	app.all('/{*path}', pages)

	app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
		req.log.error({ err }, 'unhandled error')
		if (res.headersSent) return
		res
			.status(500)
			.type('html')
			.send(
				renderStatusPage({
					status: 500,
					title: 'Something went wrong on our side',
					message: 'Try again in a moment. If it keeps happening, tell your Hardmode admin the time it happened.',
				}),
			)
	})

	return app
}

/** React Router's handler, with the request's CSP nonce and the editor's files (for the workspace's preloads) in its load context. */
export function reactRouterHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: string): RequestHandler {
	const editorAssets = mode === 'production' ? readEditorAssets() : []
	return createPageHandler({
		build,
		mode,
		getLoadContext: (_req, res) => {
			const context = new RouterContextProvider()
			context.set(cspNonceContext, res.locals.cspNonce as string)
			context.set(editorAssetsContext, editorAssets)
			return context
		},
	})
}

/** The editor's files in the client build (vite.config.ts writes the list); none when the list is missing or unreadable. */
function readEditorAssets(): string[] {
	try {
		const list: unknown = JSON.parse(readFileSync(path.join(root, 'build/editor-assets.json'), 'utf8'))
		return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string' && entry.startsWith('/assets/')) : []
	} catch {
		return []
	}
}

// The workspace posts JSON and reads `{ error }` from the answer; everything else gets the page.
function refuseOversizedBody(req: Request, res: Response, body: OversizedBody, limit: number) {
	req.log.warn({ bytes: body.bytes, declared: body.declared, limit }, 'request body too large')
	const size = body.declared
		? `The request was ${formatBytes(body.bytes)}; the limit is ${formatBytes(limit)}.`
		: `The request went over the limit of ${formatBytes(limit)}.`
	if (req.is('application/json')) {
		res.json({ error: `${size} Nothing was saved.` })
		return
	}
	res
		.type('html')
		.send(renderStatusPage({ status: 413, title: 'That was too much to send', message: `${size} Shorten what you sent and try again — nothing was saved.` }))
}

// An unused invite, password reset or address confirmation link is a credential (whoever has it
// can join the team, or take the account), and logs are read by more people and kept longer than
// such links live; so the token never reaches the log, neither in the path nor percent-encoded in
// a redirect back to it.
const LINK_TOKEN = /(\/|%2F)(invite|reset-password|verify-email)(\/|%2F)[^/?#&]+/gi

function redactUrl(url: string | undefined) {
	return url?.replace(LINK_TOKEN, (_match, slash: string, page: string, separator: string) => `${slash}${page}${separator}[token]`)
}

function clientBuildFiles() {
	const files = express.Router()
	const assets = path.join(root, 'build/client/assets')
	files.use('/assets', precompressedAssets(assets), express.static(assets, { immutable: true, maxAge: '1y' }))
	files.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
	return files
}

/**
 * Sends the `.br` or `.gz` file the build wrote beside an asset (vite.config.ts) when the browser
 * accepts it: no compressing megabytes of editor code on every cold load. Other files fall through.
 */
function precompressedAssets(folder: string): RequestHandler {
	const written = new Set(existsSync(folder) ? readdirSync(folder) : [])
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next()
		const name = path.posix.basename(req.path)
		if (req.path !== `/${name}` || !written.has(name)) return next()
		// Brotli whenever the browser takes it (browsers list gzip first, at the same weight).
		const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null
		const encoded = `${name}.${encoding === 'br' ? 'br' : 'gz'}`
		if (!encoding || !written.has(encoded)) return next()
		res.vary('Accept-Encoding')
		res.setHeader('Content-Encoding', encoding)
		res.type(path.extname(name))
		res.sendFile(path.join(folder, encoded), { immutable: true, maxAge: '1y' }, (error) => {
			// Gone since the server started (a new build): the plain file, or a 404, instead.
			if (error && !res.headersSent) {
				res.removeHeader('Content-Encoding')
				next()
			}
		})
	}
}

function printDemoLogins(port: number) {
	const lines = DEMO_LOGINS.map((login) => `  ${login.role.padEnd(8)} ${login.email.padEnd(22)} ${login.password}`)
	console.log(`\nDemo logins for http://localhost:${port}/login\n${lines.join('\n')}\n`)
}

function formatBytes(bytes: number) {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
	return `${Math.ceil(bytes / 1024)} KB`
}
