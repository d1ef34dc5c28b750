import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.server.tsx'

describe('rendering briefs', () => {
	it('renders headings, code, tables and lists', () => {
		const html = renderMarkdown('## Symptom\n\nOrders **vanish**.\n\n```ts\nconst a = 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two')
		expect(html).toContain('<h2>Symptom</h2>')
		expect(html).toContain('<strong>vanish</strong>')
		expect(html).toContain('<code class="language-ts">const a = 1')
		expect(html).toContain('<table>')
		expect(html).toContain('<li>one</li>')
	})
	it('drops raw HTML and script links', () => {
		const html = renderMarkdown(
			'Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.com) [data](data:text/html,hi)',
		)
		expect(html).not.toMatch(/<script|onerror|<img/)
		expect(html).not.toContain('javascript:')
		expect(html).not.toContain('data:text')
		expect(html).toContain('href="https://example.com"')
	})
})
