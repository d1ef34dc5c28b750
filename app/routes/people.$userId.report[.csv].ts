import type { Route } from './+types/people.$userId.report[.csv]'
import { growthReportCsv } from '#app/growth/growth-report-csv.ts'
import { growthReportFileName, parseReportPeriod } from '#app/growth/report-period.ts'
import { getGrowthReport } from '#app/models/growth/growth-report.server.ts'
import { requireGrowthViewer } from '#app/utils/auth.server.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, person } = await requireGrowthViewer(request, params.userId)
	const { period, error } = parseReportPeriod(new URL(request.url).searchParams, new Date())
	// The page falls back to the default period and says so; a download cannot say so, and a
	// file for another period than asked would mislead, so a bad period is refused instead.
	if (error) return new Response(`${error}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
	const report = await getGrowthReport(user.organizationId, person.id, { from: period.from, to: period.to })
	if (!report) throw new Response('Person not found', { status: 404 })
	return new Response(growthReportCsv(report.attempts), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${growthReportFileName(person.name, period)}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
