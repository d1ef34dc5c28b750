import { generateSync } from 'otplib'
import { describe, expect, it } from 'vitest'
import {
	checkTotp,
	groupSecret,
	hashRecoveryCode,
	looksLikeTotp,
	newRecoveryCodes,
	newTotpSecret,
	normalizeRecoveryCode,
	TOTP_PERIOD_SECONDS,
} from './two-factor.ts'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const at = (seconds: number) => new Date(seconds * 1000)
const codeAt = (seconds: number) => generateSync({ secret, epoch: seconds })
const NOW = 1_800_000_000 - (1_800_000_000 % TOTP_PERIOD_SECONDS) + 10
const step = Math.floor(NOW / TOTP_PERIOD_SECONDS)

describe('app codes', () => {
	it('accepts the current code, with spaces typed in it', () => {
		const code = codeAt(NOW)
		expect(checkTotp(secret, code, { now: at(NOW), lastTimeStep: null })).toEqual({ valid: true, timeStep: step })
		expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now: at(NOW), lastTimeStep: null }).valid).toBe(true)
	})

	it('accepts the code of the step before and after, for a phone clock a little off, but not two steps away', () => {
		expect(checkTotp(secret, codeAt(NOW - 30), { now: at(NOW), lastTimeStep: null })).toEqual({ valid: true, timeStep: step - 1 })
		expect(checkTotp(secret, codeAt(NOW + 30), { now: at(NOW), lastTimeStep: null })).toEqual({ valid: true, timeStep: step + 1 })
		expect(checkTotp(secret, codeAt(NOW - 90), { now: at(NOW), lastTimeStep: null })).toEqual({ valid: false, reason: 'wrong' })
		expect(checkTotp(secret, codeAt(NOW + 90), { now: at(NOW), lastTimeStep: null })).toEqual({ valid: false, reason: 'wrong' })
	})

	it('refuses a code already used, and an older one, within its window', () => {
		const code = codeAt(NOW)
		expect(checkTotp(secret, code, { now: at(NOW + 5), lastTimeStep: step })).toEqual({ valid: false, reason: 'used' })
		expect(checkTotp(secret, codeAt(NOW - 30), { now: at(NOW), lastTimeStep: step })).toEqual({ valid: false, reason: 'used' })
		// The next step's code is new.
		expect(checkTotp(secret, codeAt(NOW + 30), { now: at(NOW + 30), lastTimeStep: step })).toEqual({ valid: true, timeStep: step + 1 })
	})

	it('refuses wrong digits and anything that is not six digits, without throwing', () => {
		const code = codeAt(NOW)
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
		for (const input of [wrong, '12345', '1234567', 'abcdef', '', '12 34 5x']) {
			expect(checkTotp(secret, input, { now: at(NOW), lastTimeStep: null })).toEqual({ valid: false, reason: 'wrong' })
		}
	})

	it('makes a new base32 secret each time and shows it in groups of four', () => {
		const a = newTotpSecret()
		expect(a).toMatch(/^[A-Z2-7]{32}$/)
		expect(newTotpSecret()).not.toBe(a)
		expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
	})

	it('tells app codes from recovery codes', () => {
		expect(looksLikeTotp('123 456')).toBe(true)
		expect(looksLikeTotp('k7fq-2m9x-hd4p-wr3c')).toBe(false)
	})
})

describe('recovery codes', () => {
	it('makes ten distinct codes in four groups of four, with no letters easily misread', () => {
		const codes = newRecoveryCodes()
		expect(codes).toHaveLength(10)
		expect(new Set(codes).size).toBe(10)
		for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/)
	})

	it('hashes a code the same however it is typed, and never stores the code itself', () => {
		const [code] = newRecoveryCodes(1)
		const hash = hashRecoveryCode(code!)
		expect(hash).toMatch(/^[0-9a-f]{64}$/)
		expect(hash).not.toContain(code!.replace(/-/g, ''))
		expect(hashRecoveryCode(code!.toUpperCase().replace(/-/g, ' '))).toBe(hash)
		expect(hashRecoveryCode(newRecoveryCodes(1)[0]!)).not.toBe(hash)
	})

	it('refuses what cannot be a recovery code', () => {
		expect(normalizeRecoveryCode('k7fq-2m9x-hd4p')).toBeNull()
		expect(normalizeRecoveryCode('k7fq-2m9x-hd4p-wr3u')).toBeNull()
		expect(normalizeRecoveryCode(' K7FQ 2M9X HD4P WR3C ')).toBe('k7fq2m9xhd4pwr3c')
		expect(() => hashRecoveryCode('nope')).toThrow()
	})
})
