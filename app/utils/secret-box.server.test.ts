import { describe, expect, it } from 'vitest'
import { openSecret, sealSecret } from './secret-box.server.ts'

const KEY = 'a session secret of at least thirty-two characters'

describe('secrets at rest', () => {
	it('seals a secret so the stored text does not contain it, differently each time, and opens it with the same SESSION_SECRET', () => {
		const sealed = sealSecret('two-factor', 'JBSWY3DPEHPK3PXP', KEY)
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
		expect(sealSecret('two-factor', 'JBSWY3DPEHPK3PXP', KEY)).not.toBe(sealed)
		expect(openSecret('two-factor', sealed, KEY)).toBe('JBSWY3DPEHPK3PXP')
		expect(openSecret('sso-client-secret', sealSecret('sso-client-secret', 's3cr3t-from-the-provider', KEY), KEY)).toBe('s3cr3t-from-the-provider')
	})

	it('opens nothing with another SESSION_SECRET, for another purpose, or after the stored text was altered', () => {
		const sealed = sealSecret('sso-client-secret', 's3cr3t-from-the-provider', KEY)
		expect(openSecret('sso-client-secret', sealed, `${KEY} but another`)).toBeNull()
		expect(openSecret('two-factor', sealed, KEY)).toBeNull()
		const [version, iv, tag, body] = sealed.split('.')
		const flipped = body!.startsWith('A') ? `B${body!.slice(1)}` : `A${body!.slice(1)}`
		expect(openSecret('sso-client-secret', [version, iv, tag, flipped].join('.'), KEY)).toBeNull()
		expect(openSecret('sso-client-secret', 'plain text', KEY)).toBeNull()
		expect(openSecret('sso-client-secret', '', KEY)).toBeNull()
	})
})
