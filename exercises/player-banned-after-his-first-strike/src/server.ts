import { Chat } from './chat/chat'
import { Journal } from './journal/journal'
import { Bans } from './moderation/bans'
import { Strikes } from './moderation/strikes'
import { type Player, Roster } from './roster'

/** The game server's social side, wired as in production: one journal behind everything. */
export function createGameServer(players: Player[]) {
  const journal = new Journal()
  const roster = new Roster(players)
  const bans = new Bans(journal)
  return {
    journal,
    bans,
    chat: new Chat(journal, roster, bans),
    strikes: new Strikes(journal, roster, bans),
  }
}
