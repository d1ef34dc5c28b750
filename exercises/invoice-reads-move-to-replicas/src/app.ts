// One Quillbooks app server. Three of them sit behind the load balancer, which sends each request
// to any of them; they share nothing in memory, and sessions live in the session cookie.
import type { DbNode, PrimaryNode } from './db/database'
import { ReadRouting } from './db/readRouting'
import { InvoiceHandlers } from './http/invoiceHandlers'
import type { HttpRequest, HttpResponse } from './http/session'

export type AppServerDeps = {
  primary: PrimaryNode
  replicas: DbNode[]
  /** This server's name ('app-2'). */
  node: string
  log?: (line: string) => void
}

export type AppServer = { node: string; handle(request: HttpRequest): Promise<HttpResponse> }

export function startAppServer(deps: AppServerDeps): AppServer {
  const db = new ReadRouting({ primary: deps.primary, replicas: deps.replicas })
  const handlers = new InvoiceHandlers({ db, node: deps.node, log: deps.log })
  return { node: deps.node, handle: (request) => handlers.handle(request) }
}
