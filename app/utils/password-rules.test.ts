import { describe, expect, it } from 'vitest'
import { passwordProblems } from './password-rules.ts'

describe('passwordProblems', () => {
	it('accepts a long passphrase', () => {
		expect(passwordProblems('tidal violet ledger 42', { email: 'ada@example.com', name: 'Ada' })).toEqual([])
	})

	it('asks for at least twelve characters', () => {
		expect(passwordProblems('Tr0ub4dor&3')).toEqual([expect.stringContaining('at least 12 characters')])
	})

	it.each(['password1234', 'Password123!', 'hardmode123', 'qwertyuiopasdf'])('refuses the common password %s', (pw) => {
		expect(passwordProblems(pw).join(' ')).toMatch(/common|keyboard/)
	})

	it('refuses a repeated character and keyboard runs', () => {
		expect(passwordProblems('aaaaaaaaaaaaaa')).toEqual([expect.stringContaining('more than one or two')])
		expect(passwordProblems('1234567890123')).toEqual([expect.stringContaining('runs')])
	})

	it('refuses a password built from the e-mail or the name', () => {
		expect(passwordProblems('margaret-rules-the-launch', { email: 'margaret@example.com' })).toEqual([expect.stringContaining('e-mail')])
		expect(passwordProblems('i am grace okafor!!', { name: 'Grace Okafor' })).toEqual([expect.stringContaining('name')])
	})

	it('caps the length so hashing stays cheap', () => {
		expect(passwordProblems('x y '.repeat(60))).toEqual([expect.stringContaining('at most 200')])
	})
})
