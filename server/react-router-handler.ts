// React Router behind Express, fed with the body readBodyWithinLimit already read.
// @react-router/express reads the body from the request stream itself, which the size limit
// has consumed by then; this is its handler with the body taken from `req.body` instead.
import { writeReadableStreamToWritable } from '@react-router/node'
import type { Request, RequestHandler, Response } from 'express'
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from 'react-router'

export function createPageHandler(options: {
	build: ServerBuild | (() => Promise<ServerBuild>)
	mode: string
	getLoadContext: (req: Request, res: Response) => RouterContextProvider
}): RequestHandler {
	const handleRequest = createRequestHandler(options.build, options.mode)
	return async (req, res, next) => {
		try {
			const response = await handleRequest(toFetchRequest(req, res), options.getLoadContext(req, res))
			await send(res, response)
		} catch (error) {
			next(error)
		}
	}
}

function toFetchRequest(req: Request, res: Response) {
	const controller = new AbortController()
	// Aborts loaders and actions when the client leaves before the answer is complete.
	res.on('close', () => {
		if (!res.writableFinished) controller.abort()
	})
	const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
	const body = hasBody && Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : null
	return new Request(requestUrl(req), { method: req.method, headers: toHeaders(req.headers), signal: controller.signal, ...(hasBody ? { body } : {}) })
}

// As @react-router/express builds it: the forwarded host's port only when proxies are trusted,
// and a hostname cut at the first character that could start another part of a URL.
function requestUrl(req: Request) {
	const forwardedPort = req.app.enabled('trust proxy') ? req.get('X-Forwarded-Host')?.split(':')[1] : undefined
	const hostPort = req.get('host')?.split(':')[1]
	const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? '', 10)).find((value) => Number.isSafeInteger(value))
	const hostname = req.hostname?.split(/[\\/?#@]/)[0] || 'localhost'
	return new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ''}${req.originalUrl}`).href
}

function toHeaders(incoming: Request['headers']) {
	const headers = new Headers()
	for (const [name, value] of Object.entries(incoming)) {
		if (Array.isArray(value)) for (const each of value) headers.append(name, each)
		else if (value !== undefined) headers.set(name, value)
	}
	return headers
}

async function send(res: Response, response: globalThis.Response) {
	if (res.destroyed || res.writableEnded) {
		await response.body?.cancel()
		return
	}
	res.statusMessage = response.statusText
	res.status(response.status)
	for (const [name, value] of response.headers.entries()) res.append(name, value)
	if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
	if (!response.body) return void res.end()
	try {
		await writeReadableStreamToWritable(response.body, res)
	} catch (error) {
		if (res.destroyed || res.writableEnded) return
		throw error
	}
}
