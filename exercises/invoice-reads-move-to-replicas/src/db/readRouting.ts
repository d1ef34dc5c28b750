import type { DbNode, PrimaryNode } from './database'

export type DatabaseNodes = { primary: PrimaryNode; replicas: DbNode[] }

// Which database node a query goes to. The primary is at 80 % CPU at the morning peak, almost all
// of it reads, so reads go to the replicas, in turn; writes can only go to the primary.
export class ReadRouting {
  private readonly primary: PrimaryNode
  private readonly replicas: DbNode[]
  private turn = 0

  constructor(nodes: DatabaseNodes) {
    if (nodes.replicas.length === 0) throw new Error('ReadRouting needs at least one replica')
    this.primary = nodes.primary
    this.replicas = nodes.replicas
  }

  /** The node a read goes to. */
  reader(): DbNode {
    const replica = this.replicas[this.turn % this.replicas.length] as DbNode
    this.turn++
    return replica
  }

  /** The node a write goes to. */
  writer(): PrimaryNode {
    return this.primary
  }
}
