import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './auth.server.ts'

// Where a browser goes with `Location: <path>` from this origin.
const ORIGIN = 'https://hardmode.example'
const landsOn = (path: string) => new URL(path, ORIGIN).origin

describe('safeRedirectPath', () => {
	it.each([
		'/dashboard',
		'/teams/abc?tab=invites',
		'/exercises/free-shipping?topic=caching%2Fstampede&level=3',
		'/attempts/abc#journal',
		'/invite/k3J9sQx2VnB7pLm4TzR8wYc1',
	])('keeps the path %j on this site', (to) => {
		expect(safeRedirectPath(to)).toBe(to)
	})

	it.each([
		'//evil.example',
		'//evil.example/phish',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\u0000/evil.example',
		'/\u007f/evil.example',
		'https://evil.example',
		'https:evil.example',
		'HTTPS://evil.example/dashboard',
		'javascript:alert(document.cookie)',
		'JaVaScRiPt:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'%2F%2Fevil.example',
		' //evil.example',
		'evil.example',
		'',
	])('refuses %j and sends the user to the fallback', (to) => {
		expect(safeRedirectPath(to)).toBe('/dashboard')
	})

	it.each(['/%2F%2Fevil.example', '/%5Cevil.example', '/%09/evil.example', '/.//evil.example', '/..//evil.example', '/%0d%0aLocation:%20https://evil.example'])(
		'leaves the encoded or dotted path %j on this site',
		(to) => {
			expect(landsOn(safeRedirectPath(to))).toBe(ORIGIN)
		},
	)

	it('uses the fallback given, for a missing value too', () => {
		expect(safeRedirectPath(null, '/')).toBe('/')
		expect(safeRedirectPath(undefined, '/')).toBe('/')
		expect(safeRedirectPath('//evil.example', '/')).toBe('/')
	})
})
