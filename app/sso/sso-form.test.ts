import { describe, expect, it } from 'vitest'
import { SsoMappingSchema, SsoSettingsSchema } from './sso-form.ts'

const valid = {
	intent: 'save-settings',
	issuerUrl: 'https://login.acme.example/realms/acme/',
	clientId: 'hardmode',
	domains: 'acme.example',
	claimName: 'groups',
}

describe('the single sign-on settings form', () => {
	it('reads the issuer without its trailing slash, domains in any case and spelling, and unticked boxes as off', () => {
		const result = SsoSettingsSchema.parse({ ...valid, domains: ' @Acme.Example, acme.co.uk\nacme.example ' })
		expect(result).toMatchObject({
			issuerUrl: 'https://login.acme.example/realms/acme',
			domains: ['acme.example', 'acme.co.uk'],
			enabled: false,
			passwordsAllowed: false,
			clientSecret: '',
		})
		expect(SsoSettingsSchema.parse({ ...valid, enabled: 'on', passwordsAllowed: 'on' })).toMatchObject({ enabled: true, passwordsAllowed: true })
	})

	it('asks for a missing issuer URL once', () => {
		const missing = SsoSettingsSchema.safeParse({ ...valid, issuerUrl: ' ' })
		expect(missing.error?.issues.map((issue) => issue.message)).toEqual(['Enter the issuer URL your provider gives you.'])
		const partial = SsoSettingsSchema.safeParse({ ...valid, issuerUrl: 'login.acme.example' })
		expect(partial.error?.issues.map((issue) => issue.message)).toEqual(['Enter a full URL, like https://login.example.com/realms/acme.'])
	})

	it('accepts plain http only for a provider on this machine', () => {
		expect(SsoSettingsSchema.safeParse({ ...valid, issuerUrl: 'http://127.0.0.1:3110' }).success).toBe(true)
		expect(SsoSettingsSchema.safeParse({ ...valid, issuerUrl: 'http://localhost:8080/realms/dev' }).success).toBe(true)
		const remote = SsoSettingsSchema.safeParse({ ...valid, issuerUrl: 'http://login.acme.example' })
		expect(remote.error?.issues.map((issue) => issue.message)).toEqual(['Use an https:// address (plain http:// only for a provider on this machine).'])
	})

	it('says which domains are not domains, and refuses a claim name with spaces', () => {
		const result = SsoSettingsSchema.safeParse({ ...valid, domains: 'acme.example, acme, bad domain.example', claimName: 'my groups' })
		expect(result.error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`)).toEqual([
			'domains: Not a domain: acme, bad. Write domains like example.com, separated by commas.',
			'claimName: Use letters, digits and _ : . / - only, like groups.',
		])
	})

	it('refuses a mapping that gives nothing', () => {
		const result = SsoMappingSchema.safeParse({ intent: 'add-mapping', claimValue: 'readers', teamId: '', teamRole: 'learner' })
		expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Choose a team, make the group admins, or both.'])
		expect(SsoMappingSchema.parse({ intent: 'add-mapping', claimValue: 'admins', grantsAdmin: 'on', teamId: '' })).toMatchObject({
			grantsAdmin: true,
			teamId: null,
		})
	})
})
