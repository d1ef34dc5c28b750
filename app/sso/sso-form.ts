// The admin's single sign-on settings (ADR 030): one zod schema per form of the page.
import { z } from 'zod'
import { recordIdField } from '#app/utils/forms.ts'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether plain HTTP is acceptable for this issuer: only on the machine itself (a provider for tests or development). */
export function isLoopbackUrl(url: URL) {
	return LOOPBACK_HOSTS.has(url.hostname)
}

const issuerUrl = z
	.string({ error: 'Enter the issuer URL your provider gives you.' })
	.trim()
	.min(1, { error: 'Enter the issuer URL your provider gives you.', abort: true })
	.max(500, { error: 'That URL is too long.', abort: true })
	.refine((value) => URL.canParse(value), { error: 'Enter a full URL, like https://login.example.com/realms/acme.', abort: true })
	.transform((value) => new URL(value))
	.refine(
		(url) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url)),
		'Use an https:// address (plain http:// only for a provider on this machine).',
	)
	.refine((url) => !url.search && !url.hash && !url.username && !url.password, 'Enter the issuer URL without a query, fragment or login in it.')
	.transform((url) => url.href.replace(/\/$/, ''))

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

const domains = z
	.string({ error: 'Enter at least one e-mail domain.' })
	.transform((value) =>
		value
			.split(/[\s,]+/)
			.map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
			.filter(Boolean),
	)
	.pipe(
		z
			.array(z.string())
			.min(1, 'Enter at least one e-mail domain, like example.com.')
			.max(20, 'Enter at most 20 domains.')
			.superRefine((list, ctx) => {
				const wrong = list.filter((domain) => !DOMAIN.test(domain))
				if (wrong.length) ctx.addIssue({ code: 'custom', message: `Not a domain: ${wrong.join(', ')}. Write domains like example.com, separated by commas.` })
			})
			.transform((list) => [...new Set(list)]),
	)

const checkbox = z
	.literal('on')
	.optional()
	.transform((value) => value === 'on')

export const SsoSettingsSchema = z.object({
	intent: z.literal('save-settings'),
	enabled: checkbox,
	issuerUrl,
	clientId: z
		.string({ error: 'Enter the client ID.' })
		.trim()
		.min(1, 'Enter the client ID your provider gave Hardmode.')
		.max(300, 'That client ID is too long.'),
	// Write-only: empty keeps the stored secret.
	clientSecret: z.string().max(1000, 'That secret is too long.').optional().default(''),
	domains,
	claimName: z
		.string({ error: 'Enter the claim name.' })
		.trim()
		.min(1, 'Enter the name of the claim that lists groups, like groups.')
		.max(100, 'Use at most 100 characters.')
		.regex(/^[A-Za-z0-9_:./-]+$/, 'Use letters, digits and _ : . / - only, like groups.'),
	passwordsAllowed: checkbox,
})

export const SsoMappingSchema = z
	.object({
		intent: z.literal('add-mapping'),
		claimValue: z
			.string({ error: 'Enter the group.' })
			.trim()
			.min(1, 'Enter the group (the claim value), like hardmode-admins.')
			.max(200, 'Use at most 200 characters.'),
		grantsAdmin: checkbox,
		teamId: z.union([z.literal(''), recordIdField('Choose a team from the list.')]).transform((value) => value || null),
		teamRole: z.enum(['learner', 'lead'], { error: 'Choose learner or lead.' }).default('learner'),
	})
	.refine((mapping) => mapping.grantsAdmin || mapping.teamId, { path: ['teamId'], message: 'Choose a team, make the group admins, or both.' })

export const SsoRemoveMappingSchema = z.object({ intent: z.literal('remove-mapping'), mappingId: recordIdField('Choose a mapping.') })

export const SsoAdminFormSchema = z.discriminatedUnion('intent', [SsoSettingsSchema, SsoMappingSchema, SsoRemoveMappingSchema])

export const SsoStartSchema = z.object({
	email: z
		.string({ error: 'Enter your work e-mail address.' })
		.trim()
		.toLowerCase()
		.min(1, 'Enter your work e-mail address.')
		.max(254, 'That e-mail address is too long.')
		.pipe(z.email('Enter a valid e-mail address, like name@company.com.')),
	redirectTo: z.string().optional(),
})
