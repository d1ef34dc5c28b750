// Briefs are Markdown; a table written without a header (an empty `| | |` row, the usual trick)
// renders as a header row of empty <th> cells, which screen readers announce as nameless column
// headers. Such a header row is dropped, leaving a plain table of data cells. Pure.

const EMPTY_HEADER_ROW = /<thead>\s*<tr>(?:\s*<th(?:\s[^>]*)?>\s*<\/th>)+\s*<\/tr>\s*<\/thead>\s*/g

export function withoutEmptyTableHeaders(html: string): string {
	return html.replace(EMPTY_HEADER_ROW, '')
}
