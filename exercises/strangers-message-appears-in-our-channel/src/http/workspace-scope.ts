import { type TokenRegistry } from '../auth/tokens';
import { type Directory } from '../workspaces/directory';
import { type ApiRequest, type ApiResponse, type WorkspaceContext, errorResponse } from './types';

export type ScopedHandler = (context: WorkspaceContext, request: ApiRequest) => ApiResponse;

/**
 * Every workspace API call names the workspace it acts in with the X-Workspace-Id header
 * (the client sends the workspace selected in the sidebar). The caller must belong to it;
 * handlers then act inside that workspace only.
 */
export function withWorkspace(tokens: TokenRegistry, directory: Directory, handler: ScopedHandler) {
  return (request: ApiRequest): ApiResponse => {
    const actor = tokens.actorFor(request.headers['authorization']);
    if (!actor) return errorResponse(401, 'invalid or missing token');
    const workspaceId = request.headers['x-workspace-id'];
    if (!workspaceId) return errorResponse(400, 'X-Workspace-Id header is required');
    const role = directory.roleIn(workspaceId, actor.id);
    if (!role) return errorResponse(403, 'not a member of this workspace');
    return handler({ actorId: actor.id, actorKind: actor.kind, workspaceId, role }, request);
  };
}
