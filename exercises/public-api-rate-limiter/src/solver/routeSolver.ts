// Client interface of the solver pool: the workers that compute optimised delivery routes.
// One optimisation takes 80 ms typically, 400 ms for the largest tours; the pool runs a
// fixed number of them at a time and queues the rest.

export type OptimizeRequest = {
  requestId: string
  apiKey: string
  /** Stops on the tour; the solver's work grows with it. */
  stops: number
}

export type OptimizedRoute = { requestId: string; routeId: string; stops: number; durationS: number }

export interface RouteSolver {
  optimize(request: OptimizeRequest): Promise<OptimizedRoute>
}

/** The pool's queue was too long: the request waited past the pool's limit and was dropped. */
export class SolverBusyError extends Error {
  override name = 'SolverBusyError'
}
