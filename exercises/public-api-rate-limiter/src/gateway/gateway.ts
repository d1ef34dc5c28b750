// The public API's gateway: POST /v1/optimize. Authenticates the key, asks the rate limiter,
// and passes what it admits on to the solver pool. The platform team owns this file; keep
// its behaviour and the limiter interface it calls (RateLimiter.check).
import type { AccountDirectory } from '../accounts/plans'
import type { RateLimiter } from '../ratelimit/rateLimiter'
import { type RouteSolver, SolverBusyError } from '../solver/routeSolver'

export type ApiRequest = {
  requestId: string
  /** From the Authorization header; undefined when there is none. */
  apiKey: string | undefined
  stops: number
}

export type ApiResponse = { status: number; headers: Record<string, string>; body?: unknown }

export type GatewayDeps = {
  accounts: AccountDirectory
  limiter: Pick<RateLimiter, 'check'>
  solver: RouteSolver
  /** Which node this is ('gw-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export class ApiGateway {
  private readonly accounts: AccountDirectory
  private readonly limiter: Pick<RateLimiter, 'check'>
  private readonly solver: RouteSolver
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(deps: GatewayDeps) {
    this.accounts = deps.accounts
    this.limiter = deps.limiter
    this.solver = deps.solver
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async handle(request: ApiRequest): Promise<ApiResponse> {
    const account = request.apiKey === undefined ? undefined : this.accounts.find(request.apiKey)
    if (!account) return { status: 401, headers: {}, body: { error: 'unknown API key' } }

    const decision = await this.limiter.check(account.apiKey, account.plan)
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(account.plan.requestsPerMinute),
      'X-RateLimit-Remaining': String(Math.max(0, Math.floor(decision.remaining))),
    }
    if (!decision.allowed) {
      // Retry-After is in whole seconds (RFC 9110).
      headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)))
      this.log(`${this.node} ${request.requestId} ${account.tenant} 429`)
      return { status: 429, headers, body: { error: 'rate limit exceeded' } }
    }

    try {
      const route = await this.solver.optimize({ requestId: request.requestId, apiKey: account.apiKey, stops: request.stops })
      return { status: 200, headers, body: route }
    } catch (error) {
      if (error instanceof SolverBusyError) {
        this.log(`${this.node} ${request.requestId} ${account.tenant} 503 solver pool saturated`)
        return { status: 503, headers: { ...headers, 'Retry-After': '2' }, body: { error: 'busy, retry later' } }
      }
      throw error
    }
  }
}
