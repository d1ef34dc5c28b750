import { checkHandle, handleKey, type HandleProblem } from './handles';

export type User = {
  id: string;
  handle: string;
  displayName: string;
  email: string;
  createdAt: string;
};

export type SignUpRequest = { handle: string; displayName: string; email: string };

export type SignUpResult =
  | { ok: true; user: User }
  | { ok: false; error: HandleProblem | 'taken' | 'email-in-use' };

export type RenameResult = { ok: true; user: User } | { ok: false; error: HandleProblem | 'taken' | 'unknown-user' };

/**
 * The one spelling of a handle the registry works with: clients send the same visible
 * text as different code points (a precomposed "é" or "e" plus a combining accent,
 * full-width letters from some keyboards), so every handle is brought to its Unicode
 * compatibility-composed form (NFKC) before it is checked, stored or looked up.
 */
function canonical(handle: string): string {
  return handle.trim().normalize('NFKC');
}

export class UserRegistry {
  private readonly usersById = new Map<string, User>();
  private readonly idsByHandle = new Map<string, string>();
  private readonly idsByEmail = new Map<string, string>();
  private nextId = 1001;

  signUp(request: SignUpRequest): SignUpResult {
    const handle = canonical(request.handle);
    const problem = checkHandle(handle);
    if (problem) return { ok: false, error: problem };
    if (this.idsByHandle.has(handleKey(handle))) return { ok: false, error: 'taken' };
    const email = request.email.trim().toLowerCase();
    if (this.idsByEmail.has(email)) return { ok: false, error: 'email-in-use' };

    const user: User = {
      id: `u_${this.nextId++}`,
      handle,
      displayName: request.displayName.trim() || handle,
      email,
      createdAt: new Date().toISOString(),
    };
    this.usersById.set(user.id, user);
    this.idsByHandle.set(handleKey(handle), user.id);
    this.idsByEmail.set(email, user.id);
    return { ok: true, user };
  }

  rename(userId: string, newHandle: string): RenameResult {
    const user = this.usersById.get(userId);
    if (!user) return { ok: false, error: 'unknown-user' };
    const handle = canonical(newHandle);
    const problem = checkHandle(handle);
    if (problem) return { ok: false, error: problem };
    const owner = this.idsByHandle.get(handleKey(handle));
    if (owner && owner !== userId) return { ok: false, error: 'taken' };

    this.idsByHandle.delete(handleKey(user.handle));
    const renamed = { ...user, handle };
    this.usersById.set(userId, renamed);
    this.idsByHandle.set(handleKey(handle), userId);
    return { ok: true, user: renamed };
  }

  getById(userId: string): User | undefined {
    return this.usersById.get(userId);
  }

  findByHandle(handle: string): User | undefined {
    const id = this.idsByHandle.get(handleKey(canonical(handle)));
    return id === undefined ? undefined : this.usersById.get(id);
  }

  /** Autocomplete for the composer: users whose handle starts with what was typed after "@". */
  suggest(prefix: string, limit = 5): User[] {
    const wanted = handleKey(canonical(prefix));
    if (wanted === '') return [];
    const matches: User[] = [];
    for (const [key, id] of this.idsByHandle) {
      if (key.startsWith(wanted)) matches.push(this.usersById.get(id) as User);
    }
    return matches.sort((a, b) => a.handle.localeCompare(b.handle)).slice(0, limit);
  }
}
