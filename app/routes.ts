import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
	index('routes/index.tsx'),
	route('signup', 'routes/signup.tsx'),
	route('login', 'routes/login.tsx'),
	route('logout', 'routes/logout.tsx'),
	route('invite/:token', 'routes/invite.$token.tsx'),
	// Each of these guards itself (requireUser, requireOrgAdmin, requireTeamLead).
	route('dashboard', 'routes/dashboard.tsx'),
	route('settings', 'routes/settings.tsx'),
	route('admin', 'routes/admin.tsx'),
	route('teams/:teamId', 'routes/teams.$teamId.tsx'),
	route('resources/healthcheck', 'routes/resources.healthcheck.ts'),
	route('resources/theme', 'routes/resources.theme.ts'),
	route('*', 'routes/$.tsx'),
] satisfies RouteConfig
