import { describe, expect, it } from 'vitest'
import { decryptSecret, encryptSecret } from './secret-box.server.ts'

const KEY = 'a-session-secret-of-at-least-32-characters'

describe('the client secret at rest', () => {
	it('is stored encrypted, differently each time, and reads back under the same SESSION_SECRET', () => {
		const first = encryptSecret('s3cr3t-from-the-provider', KEY)
		const second = encryptSecret('s3cr3t-from-the-provider', KEY)
		expect(first).not.toContain('s3cr3t')
		expect(first).not.toBe(second)
		expect(decryptSecret(first, KEY)).toBe('s3cr3t-from-the-provider')
	})

	it('cannot be read under another SESSION_SECRET, nor once altered', () => {
		const sealed = encryptSecret('s3cr3t-from-the-provider', KEY)
		expect(decryptSecret(sealed, 'another-session-secret-of-32-characters')).toBeNull()
		const [version, iv, tag, body] = sealed.split('.')
		const flipped = body!.startsWith('A') ? `B${body!.slice(1)}` : `A${body!.slice(1)}`
		expect(decryptSecret([version, iv, tag, flipped].join('.'), KEY)).toBeNull()
		expect(decryptSecret('', KEY)).toBeNull()
	})
})
