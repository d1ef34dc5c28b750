import type { Session } from '../http/session'
import { type DbNode, DatabaseUnavailableError, type PrimaryNode } from './database'

export type DatabaseNodes = { primary: PrimaryNode; replicas: DbNode[] }

// Where the session cookie keeps how far in the write-ahead log this person's data must go.
const WROTE = 'db.wrote'
const SAW = 'db.saw'

// Which database node a query goes to. A replica may answer a read only if it has replayed
// everything this person wrote (read your own writes) and everything their earlier pages showed
// (no page older than the one before). Both are positions in the primary's write-ahead log, kept
// in the session cookie, so they hold on whichever app server the next request lands. A read tries
// the replicas in random order, skips one that is behind or refuses connections, and goes to the
// primary only when no replica will do: with a lag of milliseconds that is rare, and a replica that
// falls far behind only costs the people who need what it has not replayed yet.
export class ReadRouting {
  private readonly primary: PrimaryNode
  private readonly replicas: DbNode[]

  constructor(nodes: DatabaseNodes) {
    this.primary = nodes.primary
    this.replicas = nodes.replicas
  }

  /** Runs a read on a node that has everything this session wrote or saw. */
  async read<T>(session: Session, query: (node: DbNode) => Promise<T>): Promise<T> {
    const needed = Math.max(positionIn(session, WROTE), positionIn(session, SAW))
    for (const replica of shuffled(this.replicas)) {
      try {
        if ((await replica.walPosition()) < needed) continue
        const result = await query(replica)
        // The page may show a little more than the replica had replayed before the read; what it has
        // replayed after bounds it, and that is what the next page must not go back from.
        this.saw(session, await replica.walPosition())
        return result
      } catch (error) {
        if (!(error instanceof DatabaseUnavailableError)) throw error
      }
    }
    const result = await query(this.primary)
    this.saw(session, await this.primary.walPosition())
    return result
  }

  /** Runs a write (and the reads it decides on) on the primary, and remembers how far the log went. */
  async write<T>(session: Session, command: (primary: PrimaryNode) => Promise<T>): Promise<T> {
    const result = await command(this.primary)
    const position = await this.primary.walPosition()
    session.set(WROTE, String(Math.max(position, positionIn(session, WROTE))))
    this.saw(session, position)
    return result
  }

  private saw(session: Session, position: number) {
    if (position > positionIn(session, SAW)) session.set(SAW, String(position))
  }
}

function positionIn(session: Session, name: string): number {
  const value = Number(session.get(name))
  return Number.isFinite(value) ? value : 0
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}
