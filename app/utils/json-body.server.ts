// Reads a JSON request body with a size cap that holds even without Content-Length (a
// chunked body is counted as it streams), so a huge or endless body cannot exhaust memory.
export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string }

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
	const reader = request.body?.getReader()
	if (!reader) return { ok: false, status: 400, message: 'The request has no body; send JSON.' }
	const chunks: Uint8Array[] = []
	let size = 0
	for (;;) {
		const { done, value } = await reader.read()
		if (done) break
		size += value.byteLength
		if (size > maxBytes) {
			await reader.cancel()
			return { ok: false, status: 413, message: `The request is larger than ${Math.round(maxBytes / 1024)} KB; nothing was saved.` }
		}
		chunks.push(value)
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks))
	try {
		return { ok: true, value: JSON.parse(text) as unknown }
	} catch {
		return { ok: false, status: 400, message: 'The request body is not valid JSON; nothing was saved.' }
	}
}
