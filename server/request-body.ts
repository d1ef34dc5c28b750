import type { Request, RequestHandler, Response } from 'express'

export type OversizedBody = {
	/** The declared Content-Length, or how much had arrived when the limit was crossed. */
	bytes: number
	/** Whether `bytes` is what the client declared (so its true size) or only what arrived. */
	declared: boolean
}

/**
 * Reads every request body into `req.body` (a Buffer) before any route sees it, counting bytes
 * as they arrive, so the limit holds however the body is sent: a Content-Length over the limit
 * is refused unread, and a chunked body is cut off as soon as it crosses the limit. Memory per
 * request is then bounded by `maxBytes`, whatever the route does with the body.
 */
export function readBodyWithinLimit(maxBytes: number, refuse: (req: Request, res: Response, body: OversizedBody) => void): RequestHandler {
	return (req, res, next) => {
		if (!hasBody(req)) return next()
		const declared = Number(req.headers['content-length'])
		if (declared > maxBytes) return refuseAndClose(req, res, { bytes: declared, declared: true }, refuse)

		const chunks: Buffer[] = []
		let received = 0
		const stopReading = () => {
			req.off('data', onData)
			req.off('end', onEnd)
			req.off('error', onError)
		}
		const onData = (chunk: Buffer) => {
			received += chunk.length
			if (received > maxBytes) {
				stopReading()
				req.pause()
				refuseAndClose(req, res, { bytes: received, declared: false }, refuse)
				return
			}
			chunks.push(chunk)
		}
		const onEnd = () => {
			stopReading()
			req.body = Buffer.concat(chunks, received)
			next()
		}
		// The client went away mid-body: there is no one left to answer.
		const onError = () => stopReading()
		req.on('data', onData)
		req.once('end', onEnd)
		req.once('error', onError)
	}
}

function hasBody(req: Request) {
	return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
}

// How long a refused body is still read and thrown away after the answer (nginx's
// lingering_time is 30 s; clients that read their answer stop sending well within this).
const LINGER_MS = 3_000

// A refused body is never stored. The answer goes out while the client may still be sending;
// closing the connection at once would make the kernel reset it, and most clients then report
// a network error instead of the 413 they were sent. So, as nginx and Apache do, the server
// stops writing (the client sees the end of the connection after the answer), reads and drops
// what is still in flight, and closes at the end of the body or after a bound, whichever comes
// first: a client that keeps sending cannot hold the connection open, and what it sends is
// dropped as it arrives, so it costs no memory.
function refuseAndClose(req: Request, res: Response, body: OversizedBody, refuse: (req: Request, res: Response, body: OversizedBody) => void) {
	res.once('finish', () => lingerThenClose(req))
	res.status(413)
	refuse(req, res, body)
}

function lingerThenClose(req: Request) {
	const socket = req.socket
	// When the client asked for `Connection: close`, Node has already ended the socket and set it
	// to be destroyed once that end is written, which would reset the client mid-send; the
	// deadline below closes it instead.
	socket.removeListener('finish', socket.destroy)
	socket.end()
	const close = () => {
		clearTimeout(deadline)
		socket.destroy()
	}
	const deadline = setTimeout(close, LINGER_MS)
	deadline.unref()
	req.once('end', close)
	req.once('error', close)
	// With no 'data' listener left, resuming drops each chunk as it arrives.
	req.resume()
}
