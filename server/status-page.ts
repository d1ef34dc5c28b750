// A self-contained HTML page for answers the server gives before React Router runs
// (body too large, rate limited, cross-site post, crash). No scripts, inline styles only.
export function renderStatusPage({ status, title, message }: { status: number; title: string; message: string }) {
	const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Hardmode</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;padding:2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}p.code{color:#475569;font-size:.875rem}a{color:#4338ca}</style>
</head><body><main><p class="code">Error ${status}</p><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Back to Hardmode</a></p></main></body></html>`
}
