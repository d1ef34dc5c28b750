// `prisma generate` does not need Prisma's native schema engine, but still tries to
// download it unless PRISMA_SCHEMA_ENGINE_BINARY names a file. The download host is not
// reachable in air-gapped installs, so point it at any existing file (see ADR 003).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url) }
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env, shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
