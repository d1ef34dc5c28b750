export type ApiRequest = {
  headers: Record<string, string | undefined>;
  body?: unknown;
  params?: Record<string, string>;
};

export type ApiResponse = { status: number; body: unknown };

/** What the workspace middleware hands to every handler once the caller is known. */
export type WorkspaceContext = {
  actorId: string;
  actorKind: 'user' | 'bot';
  /** The workspace this request acts in (from X-Workspace-Id), checked to be one the caller belongs to. */
  workspaceId: string;
  role: 'owner' | 'member' | 'guest';
};

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });
export const errorResponse = (status: number, error: string): ApiResponse => ({ status, body: { error } });
