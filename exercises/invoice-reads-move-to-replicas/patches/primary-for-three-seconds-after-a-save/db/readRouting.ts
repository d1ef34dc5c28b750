import type { Session } from '../http/session'
import { type DbNode, DatabaseUnavailableError, type PrimaryNode } from './database'

export type DatabaseNodes = { primary: PrimaryNode; replicas: DbNode[] }

// The replicas are at most 2.5 s behind, so for three seconds after a person saves something their
// reads go to the primary; the session cookie remembers when they last saved, on every app server.
const SAVED_AT = 'db.savedAt'
const PRIMARY_FOR_MS = 3_000

export class ReadRouting {
  private readonly primary: PrimaryNode
  private readonly replicas: DbNode[]

  constructor(nodes: DatabaseNodes) {
    this.primary = nodes.primary
    this.replicas = nodes.replicas
  }

  async read<T>(session: Session, query: (node: DbNode) => Promise<T>): Promise<T> {
    const savedAt = Number(session.get(SAVED_AT) ?? Number.NEGATIVE_INFINITY)
    if (Date.now() - savedAt < PRIMARY_FOR_MS) return query(this.primary)
    for (const replica of shuffled(this.replicas)) {
      try {
        return await query(replica)
      } catch (error) {
        if (!(error instanceof DatabaseUnavailableError)) throw error
      }
    }
    return query(this.primary)
  }

  async write<T>(session: Session, command: (primary: PrimaryNode) => Promise<T>): Promise<T> {
    const result = await command(this.primary)
    session.set(SAVED_AT, String(Date.now()))
    return result
  }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}
