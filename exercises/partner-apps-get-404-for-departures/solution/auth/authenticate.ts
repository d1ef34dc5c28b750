import { type Middleware } from '../http/app';

export type Partner = { id: string; name: string; requestsPerMinute: number };

export type SessionStore = { lookup(token: string): Promise<{ userId: string } | undefined> };

export type Client = { kind: 'partner'; partnerId: string } | { kind: 'web'; userId: string } | { kind: 'anonymous' };

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Who is calling: partner apps send their API key in x-api-key (counted against their
 * per-minute quota), our own website sends its session cookie, and anything else is
 * anonymous (only /health is open to anonymous callers). Puts the client in ctx.state.client.
 */
export function authenticate(deps: { partners: Map<string, Partner>; sessions: SessionStore; openPaths: string[] }): Middleware {
  const used = new Map<string, { minute: number; count: number }>();
  const asClient = (client: Client): Client => client;

  return async (ctx, next) => {
    const apiKey = ctx.request.headers['x-api-key'];
    if (apiKey !== undefined) {
      const partner = deps.partners.get(apiKey);
      if (!partner) {
        ctx.status = 401;
        ctx.body = { error: 'unauthorized', message: 'Unknown API key' };
        return;
      }
      const minute = Math.floor(Date.now() / 60_000);
      const usage = used.get(partner.id);
      const count = usage && usage.minute === minute ? usage.count + 1 : 1;
      used.set(partner.id, { minute, count });
      if (count > partner.requestsPerMinute) {
        ctx.status = 429;
        ctx.body = { error: 'rate_limited', message: `Quota of ${partner.requestsPerMinute} requests per minute exceeded` };
        return;
      }
      ctx.state.client = asClient({ kind: 'partner', partnerId: partner.id });
      return next();
    }

    const token = cookie(ctx.request.headers.cookie, 'session');
    const session = token ? await deps.sessions.lookup(token) : undefined;
    if (session) {
      ctx.state.client = asClient({ kind: 'web', userId: session.userId });
      return next();
    }
    if (deps.openPaths.includes(ctx.request.path)) {
      ctx.state.client = asClient({ kind: 'anonymous' });
      return next();
    }
    ctx.status = 401;
    ctx.body = { error: 'unauthorized', message: 'Send an API key or sign in' };
  };
}
