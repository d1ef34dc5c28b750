export type Player = { name: string; moderator: boolean; joined: string }

/** Everyone who has an account on the server. Names are unique and case-sensitive. */
export class Roster {
  private readonly players = new Map<string, Player>()

  constructor(players: Player[]) {
    for (const player of players) this.players.set(player.name, { ...player })
  }

  get(name: string): Player | undefined {
    const player = this.players.get(name)
    return player ? { ...player } : undefined
  }

  isModerator(name: string): boolean {
    return this.players.get(name)?.moderator === true
  }
}
