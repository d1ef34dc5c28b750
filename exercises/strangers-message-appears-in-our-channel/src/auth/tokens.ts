export type Actor = { id: string; kind: 'user' | 'bot'; name: string };

/** Bearer tokens issued to people (by signing in) and to bots (when an integration is installed). */
export class TokenRegistry {
  private readonly tokens = new Map<string, Actor>();

  issue(token: string, actor: Actor): void {
    if (token.length < 16) throw new Error('token too short');
    this.tokens.set(token, actor);
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  actorFor(authorization: string | undefined): Actor | undefined {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match ? this.tokens.get(match[1] as string) : undefined;
  }
}
