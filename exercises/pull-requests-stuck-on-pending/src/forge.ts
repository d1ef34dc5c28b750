import { createBuildQueue } from './ci/build-queue'
import { createStatusReporter } from './ci/status-reporter'
import type { ReporterOptions } from './ci/status-reporter'
import { CodeHostClient } from './codehost/client'
import type { Transport } from './http/transport'
import { createLogger } from './logger'

/** Wires the CI service the way production does; tests pass the fake code host's transport. */
export function createForge(transport: Transport, token: string, options: ReporterOptions = {}) {
  const logger = createLogger('forge-ci')
  const client = new CodeHostClient(transport, token)
  const reporter = createStatusReporter(client, logger, options)
  const builds = createBuildQueue(reporter, logger)
  return { logger, client, reporter, builds }
}
