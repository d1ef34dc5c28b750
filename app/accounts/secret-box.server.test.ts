import { describe, expect, it } from 'vitest'
import { decryptSecret, encryptSecret } from './secret-box.server.ts'

const KEY = 'a session secret of at least thirty-two characters'

describe('TOTP secrets at rest', () => {
	it('seals a secret so the stored text does not contain it, and opens it again with the same SESSION_SECRET', () => {
		const sealed = encryptSecret('JBSWY3DPEHPK3PXP', KEY)
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
		expect(encryptSecret('JBSWY3DPEHPK3PXP', KEY)).not.toBe(sealed)
		expect(decryptSecret(sealed, KEY)).toBe('JBSWY3DPEHPK3PXP')
	})

	it('opens nothing with another SESSION_SECRET or after the stored text was altered', () => {
		const sealed = encryptSecret('JBSWY3DPEHPK3PXP', KEY)
		expect(decryptSecret(sealed, `${KEY} but another`)).toBeNull()
		const parts = sealed.split('.')
		parts[3] = `A${parts[3]!.slice(1)}` === parts[3] ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`
		expect(decryptSecret(parts.join('.'), KEY)).toBeNull()
		expect(decryptSecret('plain text', KEY)).toBeNull()
	})
})
