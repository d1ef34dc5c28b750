// Exercise briefs are Markdown written by authors. They are rendered to HTML on the server
// only, so the Markdown library never ships to the browser. react-markdown does not pass raw
// HTML through (no rehype-raw), and links are limited to http(s) and in-page anchors, so the
// output is safe to insert even if a brief contained <script> or javascript: links.
import { renderToStaticMarkup } from 'react-dom/server'
import Markdown, { defaultUrlTransform } from 'react-markdown'
import remarkGfm from 'remark-gfm'

function safeUrl(url: string) {
	const transformed = defaultUrlTransform(url)
	return /^(https?:|#|\/(?!\/))/i.test(transformed) ? transformed : ''
}

export function renderMarkdown(markdown: string): string {
	return renderToStaticMarkup(
		<Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} skipHtml>
			{markdown}
		</Markdown>,
	)
}
