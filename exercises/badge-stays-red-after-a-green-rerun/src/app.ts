import { BadgeService } from './badges/badgeService'
import { BuildStore } from './ci/buildStore'
import { Pipeline } from './ci/pipeline'
import { ChatNotifier } from './notify/chat'
import { createRouter } from './web/router'

/** The CI server as production wires it. `logLines` collects what would go to stdout. */
export function createCiServer(channels: Record<string, string> = {}) {
  const logLines: string[] = []
  const log = (line: string) => logLines.push(`${new Date().toISOString()} ${line}`)
  const builds = new BuildStore()
  const pipeline = new Pipeline(builds, log)
  const badges = new BadgeService(builds, log)
  const chat = new ChatNotifier(channels)
  pipeline.onFinished((build) => badges.buildFinished(build))
  pipeline.onFinished((build) => chat.buildFinished(build))
  return { builds, pipeline, badges, chat, handle: createRouter(badges, builds), logLines }
}
