import { describe, expect, it } from 'vitest'
import { withoutEmptyTableHeaders } from './brief-html.ts'

describe('brief tables', () => {
	it('drops a header row whose cells are all empty, keeping the rows', () => {
		const html =
			'<table>\n<thead>\n<tr>\n<th></th>\n<th style="text-align:left"> </th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>solver pool</td>\n<td>4 workers</td>\n</tr>\n</tbody>\n</table>'
		expect(withoutEmptyTableHeaders(html)).toBe('<table>\n<tbody>\n<tr>\n<td>solver pool</td>\n<td>4 workers</td>\n</tr>\n</tbody>\n</table>')
	})

	it('keeps a header row that names any column', () => {
		const html = '<table><thead><tr><th>measurement</th><th></th></tr></thead><tbody><tr><td>p99</td><td>1 s</td></tr></tbody></table>'
		expect(withoutEmptyTableHeaders(html)).toBe(html)
	})
})
