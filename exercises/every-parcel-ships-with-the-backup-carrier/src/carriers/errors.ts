/** The carrier answered with an error status. 5xx and 429 are worth another try; other 4xx are not. */
export class CarrierHttpError extends Error {
  readonly status: number
  readonly carrier: string

  constructor(carrier: string, status: number, message: string) {
    super(`${carrier} answered ${status}: ${message}`)
    this.name = 'CarrierHttpError'
    this.carrier = carrier
    this.status = status
  }

  get transient(): boolean {
    return this.status === 429 || this.status >= 500
  }
}

/** Every attempt failed; `cause` is the last failure. */
export class RetriesExhaustedError extends Error {
  readonly attempts: number
  readonly cause: unknown

  constructor(operation: string, attempts: number, cause: unknown) {
    super(`${operation} failed after ${attempts} attempts`)
    this.name = 'RetriesExhaustedError'
    this.attempts = attempts
    this.cause = cause
  }
}
