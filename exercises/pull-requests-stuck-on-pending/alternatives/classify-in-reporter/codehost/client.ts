import { retryAfterMs } from '../http/transport'
import type { HttpRequest, HttpResponse, Transport } from '../http/transport'

export type StatusState = 'pending' | 'success' | 'failure' | 'error'

export interface StatusInput {
  state: StatusState
  /** The check's name on the pull request, e.g. "forge-ci/build". */
  context: string
  description: string
  targetUrl: string
}

export interface CommitStatus extends StatusInput {
  id: number
  createdAt: string
}

/** The code host did not answer usefully right now; the same request may work later. */
export class CodeHostUnavailableError extends Error {
  readonly retryAfterMs: number | null

  constructor(message: string, retryAfter: number | null) {
    super(message)
    this.name = 'CodeHostUnavailableError'
    this.retryAfterMs = retryAfter
  }
}

/** Our app's token was refused; nothing will work until someone fixes the installation. */
export class CodeHostAuthError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CodeHostAuthError'
  }
}

interface WireStatus {
  id: number
  state: StatusState
  context: string
  description: string
  target_url: string
  created_at: string
}

function fromWire(wire: WireStatus): CommitStatus {
  return { id: wire.id, state: wire.state, context: wire.context, description: wire.description, targetUrl: wire.target_url, createdAt: wire.created_at }
}

/** Any answer other than 2xx; the caller decides whether it is worth another try. */
export class CodeHostHttpError extends Error {
  readonly status: number
  readonly retryAfterMs: number | null

  constructor(message: string, status: number, retryAfter: number | null) {
    super(message)
    this.name = 'CodeHostHttpError'
    this.status = status
    this.retryAfterMs = retryAfter
  }
}

const REPO = /^[\w.-]+\/[\w.-]+$/
const SHA = /^[0-9a-f]{7,40}$/
const DESCRIPTION_LIMIT = 140

/** Client for the code host's commit status API, as installed for one organisation. */
export class CodeHostClient {
  private readonly transport: Transport
  private readonly token: string

  constructor(transport: Transport, token: string) {
    this.transport = transport
    this.token = token
  }

  /** POST /repos/:repo/statuses/:sha: adds a status; the newest one per context is what the PR shows. */
  async setCommitStatus(repo: string, sha: string, status: StatusInput): Promise<CommitStatus> {
    if (!REPO.test(repo)) throw new Error(`invalid repository name ${repo}`)
    if (!SHA.test(sha)) throw new Error(`invalid commit sha ${sha}`)
    const description = status.description.length > DESCRIPTION_LIMIT ? `${status.description.slice(0, DESCRIPTION_LIMIT - 1)}…` : status.description
    const response = await this.send({
      method: 'POST',
      path: `/repos/${repo}/statuses/${sha}`,
      body: { state: status.state, context: status.context, description, target_url: status.targetUrl },
    })
    return fromWire(response.body as WireStatus)
  }

  private async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.transport({ ...request, headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' } })
    if (response.status === 401 || response.status === 403) {
      throw new CodeHostAuthError(`${request.method} ${request.path} answered ${response.status}: token refused`)
    }
    if (response.status < 200 || response.status > 299) {
      throw new CodeHostHttpError(`${request.method} ${request.path} answered ${response.status}`, response.status, retryAfterMs(response))
    }
    return response
  }
}
