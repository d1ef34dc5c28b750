// The size of a run's files as the sandbox counts it, for its limit: every path and every
// text, in UTF-8 bytes. Pure and free of Node APIs, so the app, the browser (before it sends a
// run) and the learner's file rules all count the same way.

/** The size the sandbox counts: every path and every text, in UTF-8 bytes. */
export function sourceBytes(files: Record<string, string>): number {
	let bytes = 0
	for (const [path, text] of Object.entries(files)) bytes += utf8Bytes(path) + utf8Bytes(text)
	return bytes
}

// Counted without encoding, so a large paste is not copied just to be measured. A lone
// surrogate counts 3 bytes, as the replacement character it becomes.
function utf8Bytes(text: string): number {
	let bytes = 0
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index)
		if (code < 0x80) bytes += 1
		else if (code < 0x800) bytes += 2
		else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
			bytes += 4
			index++
		} else bytes += 3
	}
	return bytes
}
