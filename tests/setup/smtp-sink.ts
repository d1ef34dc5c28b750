// The end-to-end run's mail server: a real SMTP server on loopback that keeps what it receives,
// and a small HTTP endpoint on loopback from which specs read it (tests/e2e/mailbox.ts).
// Started by playwright.config.ts as one of the web servers.
import { createServer } from 'node:http'
import { startMailSink } from '../mail-sink.ts'
import { E2E_MAILBOX_PORT, E2E_SMTP_PORT } from './mail-ports.ts'

const sink = await startMailSink(E2E_SMTP_PORT)

const mailbox = createServer((req, res) => {
	const url = new URL(req.url ?? '/', `http://127.0.0.1:${E2E_MAILBOX_PORT}`)
	if (url.pathname === '/health') {
		res.writeHead(200).end('ok')
		return
	}
	if (url.pathname === '/messages') {
		const to = url.searchParams.get('to')?.toLowerCase()
		const messages = to ? sink.received.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : sink.received
		res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(messages))
		return
	}
	res.writeHead(404).end('not found')
})
mailbox.listen(E2E_MAILBOX_PORT, '127.0.0.1', () => {
	console.log(`SMTP sink on smtp://127.0.0.1:${sink.port}; its mailbox on http://127.0.0.1:${E2E_MAILBOX_PORT}/messages`)
})

const stop = () => {
	mailbox.close()
	void sink.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
