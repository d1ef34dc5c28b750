import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

// A real SMTP server on loopback for tests: it keeps every message it accepts, and can be told
// to refuse the next few with a temporary error (451), as a busy mail server does.

export type ReceivedMail = { from: string; to: string[]; subject: string; messageId: string; text: string; html: string }

export type MailSink = {
	port: number
	/** smtp://127.0.0.1:<port>, for SMTP_URL. */
	url: string
	received: ReceivedMail[]
	/** Refuse the next `count` messages with "451 Try again later". */
	refuseNext(count: number): void
	close(): Promise<void>
}

export async function startMailSink(port = 0): Promise<MailSink> {
	const received: ReceivedMail[] = []
	let refusals = 0
	const server = new SMTPServer({
		authOptional: true,
		// Plain SMTP on loopback: no certificate for the client to reject.
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('end', () => {
				if (refusals > 0) {
					refusals--
					callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
					return
				}
				const recipients = session.envelope.rcptTo.map((address) => address.address)
				const mailFrom = session.envelope.mailFrom
				received.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), from: mailFrom ? mailFrom.address : '', to: recipients })
				callback()
			})
		},
	})
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', () => resolve())
	})
	const actualPort = (server.server.address() as AddressInfo).port
	return {
		port: actualPort,
		url: `smtp://127.0.0.1:${actualPort}`,
		received,
		refuseNext(count) {
			refusals = count
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

/** Reads the subject, Message-ID and the plain-text and HTML parts out of a message as nodemailer writes it. */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to'> {
	const { headers, body } = splitHeaders(raw)
	const parts = partsOf(headers, body)
	return {
		subject: decodeWords(headers.get('subject') ?? ''),
		messageId: headers.get('message-id') ?? '',
		text: parts.find((part) => part.type === 'text/plain')?.content ?? '',
		html: parts.find((part) => part.type === 'text/html')?.content ?? '',
	}
}

function splitHeaders(raw: string) {
	const normalised = raw.replace(/\r\n/g, '\n')
	const end = normalised.indexOf('\n\n')
	const head = end === -1 ? normalised : normalised.slice(0, end)
	const headers = new Map<string, string>()
	for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
		const colon = line.indexOf(':')
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
	}
	return { headers, body: end === -1 ? '' : normalised.slice(end + 2) }
}

function partsOf(headers: Map<string, string>, body: string): { type: string; content: string }[] {
	const contentType = headers.get('content-type') ?? 'text/plain'
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
	if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
		return body
			.split(`--${boundary}`)
			.slice(1)
			.filter((section) => !section.startsWith('--'))
			.flatMap((section) => {
				const part = splitHeaders(section.replace(/^\n/, ''))
				return partsOf(part.headers, part.body)
			})
	}
	const content = decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit')
	return [{ type: contentType.split(';')[0]!.trim().toLowerCase(), content: content.replace(/\n$/, '') }]
}

function decodeBody(body: string, encoding: string) {
	switch (encoding.toLowerCase()) {
		case 'quoted-printable':
			return decodeQuotedPrintable(body)
		case 'base64':
			return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
		default:
			return body
	}
}

function decodeQuotedPrintable(text: string) {
	const joined = text.replace(/=\n/g, '')
	const bytes: number[] = []
	for (let index = 0; index < joined.length; index++) {
		const hex = joined.slice(index + 1, index + 3)
		if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
			bytes.push(parseInt(hex, 16))
			index += 2
		} else {
			bytes.push(...Buffer.from(joined[index]!, 'utf8'))
		}
	}
	return Buffer.from(bytes).toString('utf8')
}

// RFC 2047 encoded words, as nodemailer writes a subject with characters beyond ASCII.
function decodeWords(value: string) {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_match, _charset: string, kind: string, encoded: string) =>
			kind.toUpperCase() === 'B' ? Buffer.from(encoded, 'base64').toString('utf8') : decodeQuotedPrintable(encoded.replace(/_/g, ' ')),
		)
}
