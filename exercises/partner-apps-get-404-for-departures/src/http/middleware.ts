import { type Middleware } from './app';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

/** Echoes the caller's x-request-id, or makes one, so support can find a request in the logs. */
export function requestId(): Middleware {
  let sequence = 0;
  return (ctx, next) => {
    sequence += 1;
    const id = ctx.request.headers['x-request-id'] ?? `req-${sequence.toString(36).padStart(6, '0')}`;
    ctx.state.requestId = id;
    ctx.headers['x-request-id'] = id;
    return next();
  };
}

/** Turns anything thrown further down into a JSON error answer; unexpected errors are logged. */
export function errorHandler(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof HttpError) {
        ctx.status = error.status;
        ctx.body = { error: error.code, message: error.message };
        return;
      }
      log(`${String(ctx.state.requestId)} ${ctx.request.method} ${ctx.request.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      ctx.status = 500;
      ctx.body = { error: 'internal', message: 'Something went wrong on our side' };
    }
  };
}

/** Server-Timing header: how long the request took inside the app, for partners' dashboards. */
export function timing(): Middleware {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      ctx.headers['server-timing'] = `app;dur=${Date.now() - started}`;
    }
  };
}
