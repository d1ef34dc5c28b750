import { type Journal } from '../journal/journal'
import { type Bans } from '../moderation/bans'
import { type Roster } from '../roster'

export const MAX_MESSAGE_LENGTH = 500
export const CHANNELS = ['global', 'trade', 'guild'] as const

const BLOCKED_WORDS = ['scam', 'idiot', 'noob']

export class ChatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ChatError'
  }
}

export type ReplayLine = { at: string; player: string; channel: string; text: string }

function mask(text: string): string {
  let masked = text
  for (const word of BLOCKED_WORDS) masked = masked.replace(new RegExp(`\\b${word}\\b`, 'gi'), (match) => '*'.repeat(match.length))
  return masked
}

/**
 * Chat. The client lets players send multi-line messages (Shift+Enter). Every message is
 * journaled as sent, after masking blocked words: appeals are decided on the replay,
 * which must show each message exactly as the other players saw it.
 */
export class Chat {
  private readonly journal: Journal
  private readonly roster: Roster
  private readonly bans: Bans

  constructor(journal: Journal, roster: Roster, bans: Bans) {
    this.journal = journal
    this.roster = roster
    this.bans = bans
  }

  say(player: string, channel: string, text: string): ReplayLine {
    if (!this.roster.get(player)) throw new ChatError(`unknown player ${player}`)
    if (this.bans.isBanned(player)) throw new ChatError(`${player} is banned`)
    if (!(CHANNELS as readonly string[]).includes(channel)) throw new ChatError(`no channel ${channel}`)
    if (text.trim() === '' || text.length > MAX_MESSAGE_LENGTH) throw new ChatError(`messages are 1 to ${MAX_MESSAGE_LENGTH} characters`)
    const entry = this.journal.append('chat', { player, channel, text: mask(text) })
    return { at: entry.at, player, channel, text: entry.fields.text! }
  }

  /** What a channel showed, oldest first, read back from the journal. */
  replay(channel: string): ReplayLine[] {
    return this.journal
      .entries()
      .filter((entry) => entry.kind === 'chat' && entry.fields.channel === channel)
      .map((entry) => ({ at: entry.at, player: entry.fields.player ?? '?', channel, text: entry.fields.text ?? '' }))
  }
}
