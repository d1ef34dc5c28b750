import { type Build } from '../ci/buildStore'

export type ChatMessage = { channel: string; text: string }

function duration(build: Build): string {
  const seconds = Math.round(((build.finishedAt ?? build.startedAt) - build.startedAt) / 1000)
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
}

/** Posts finished builds to each repository's team channel. Messages are kept in an outbox. */
export class ChatNotifier {
  readonly outbox: ChatMessage[] = []
  private readonly channels: Record<string, string>

  constructor(channels: Record<string, string>) {
    this.channels = channels
  }

  buildFinished(build: Build): void {
    const channel = this.channels[build.repo]
    if (!channel) return
    const icon = build.status === 'passed' ? '✅' : '❌'
    this.outbox.push({ channel, text: `${icon} ${build.repo} ${build.branch} #${build.id} ${build.status} (${duration(build)})` })
  }
}
