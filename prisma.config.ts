// Used by the Prisma CLI only (generate, and migrate status/deploy where the schema
// engine is available). The app applies migrations itself: see app/utils/migrate.server.ts.
import { defineConfig } from 'prisma/config'

export default defineConfig({
	schema: 'prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/hardmode' },
})
