import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
	index('routes/index.tsx'),
	route('signup', 'routes/signup.tsx'),
	route('login', 'routes/login.tsx'),
	route('logout', 'routes/logout.tsx'),
	route('invite/:token', 'routes/invite.$token.tsx'),
	// Each of these guards itself (requireUser, requireOrgAdmin, requireTeamLead, requireAssignmentLead, requireReviewer).
	route('exercises', 'routes/exercises._index.tsx'),
	route('attempts', 'routes/attempts._index.tsx'),
	route('exercises/:slug', 'routes/exercises.$slug.tsx'),
	route('attempts/:attemptId', 'routes/attempts.$attemptId.tsx'),
	route('attempts/:attemptId/events', 'routes/attempts.$attemptId.events.ts'),
	route('attempts/:attemptId/runs', 'routes/attempts.$attemptId.runs.ts'),
	route('dashboard', 'routes/dashboard.tsx'),
	route('settings', 'routes/settings.tsx'),
	route('admin', 'routes/admin.tsx'),
	route('teams/:teamId', 'routes/teams.$teamId.tsx'),
	route('teams/:teamId/assignments', 'routes/teams.$teamId.assignments.tsx'),
	route('teams/:teamId/assignments/new', 'routes/teams.$teamId.assignments.new.tsx'),
	route('assignments/:assignmentId', 'routes/assignments.$assignmentId.tsx'),
	route('reviews', 'routes/reviews._index.tsx'),
	route('reviews/:attemptId', 'routes/reviews.$attemptId.tsx'),
	route('reviews/:attemptId/runs/:runId', 'routes/reviews.$attemptId.runs.$runId.ts'),
	route('resources/healthcheck', 'routes/resources.healthcheck.ts'),
	route('resources/theme', 'routes/resources.theme.ts'),
	route('*', 'routes/$.tsx'),
] satisfies RouteConfig
