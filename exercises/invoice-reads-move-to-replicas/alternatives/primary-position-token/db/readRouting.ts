import type { Session } from '../http/session'
import { type DbNode, DatabaseUnavailableError, type PrimaryNode } from './database'

export type DatabaseNodes = { primary: PrimaryNode; replicas: DbNode[] }

// The session cookie carries one token: the primary's log position when this person's last request
// ended. Nothing they wrote or were shown can be past it, so a replica that has replayed up to the
// token is fresh enough for their next page, whatever that page shows. A read waits a little for
// a replica to get there (most are milliseconds behind) before it gives the primary the work.
const TOKEN = 'db.token'
const WAIT_FOR_REPLICA_MS = 150
const POLL_EVERY_MS = 25

export class ReadRouting {
  private readonly primary: PrimaryNode
  private readonly replicas: DbNode[]
  private next = 0

  constructor(nodes: DatabaseNodes) {
    this.primary = nodes.primary
    this.replicas = nodes.replicas
  }

  async read<T>(session: Session, query: (node: DbNode) => Promise<T>): Promise<T> {
    const token = Number(session.get(TOKEN) ?? 0)
    const replica = await this.replicaAt(token)
    const result = await query(replica ?? this.primary)
    await this.stamp(session)
    return result
  }

  async write<T>(session: Session, command: (primary: PrimaryNode) => Promise<T>): Promise<T> {
    const result = await command(this.primary)
    await this.stamp(session)
    return result
  }

  private async stamp(session: Session) {
    session.set(TOKEN, String(await this.primary.walPosition()))
  }

  /** A replica that has replayed up to `token`, waiting for one up to WAIT_FOR_REPLICA_MS; undefined if none got there. */
  private async replicaAt(token: number): Promise<DbNode | undefined> {
    const deadline = Date.now() + WAIT_FOR_REPLICA_MS
    const order = this.replicas.map((_, i) => this.replicas[(this.next + i) % this.replicas.length] as DbNode)
    this.next++
    const refused = new Set<DbNode>()
    for (;;) {
      for (const replica of order) {
        if (refused.has(replica)) continue
        try {
          if ((await replica.walPosition()) >= token) return replica
        } catch (error) {
          if (!(error instanceof DatabaseUnavailableError)) throw error
          refused.add(replica)
        }
      }
      if (refused.size === order.length || Date.now() + POLL_EVERY_MS > deadline) return undefined
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
    }
  }
}
