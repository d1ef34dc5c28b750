import { type ApiResponse, type WorkspaceContext, errorResponse } from '../http/types';
import { type Channel, type Directory } from '../workspaces/directory';

/** Where a write request goes, as the client sends it in the body. */
export type ChannelTarget = { workspaceId: string; channelId: string };

const ID = /^[a-z0-9-]{2,40}$/;

export function parseTarget(body: unknown): ChannelTarget | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const { workspaceId, channelId } = body as Record<string, unknown>;
  if (typeof workspaceId !== 'string' || !ID.test(workspaceId)) return 'workspaceId is missing or malformed';
  if (typeof channelId !== 'string' || !ID.test(channelId)) return 'channelId is missing or malformed';
  return { workspaceId, channelId };
}

/**
 * The channel a write (posting, scheduling) goes to. It must be a channel of the workspace
 * the request acts in and not archived. Members may write in any public channel of the
 * workspace without joining it; private channels, and every channel for guests, need the
 * caller to be a member of the channel. Anything else answers 404, as if it did not exist.
 */
export function resolveWritableChannel(context: WorkspaceContext, directory: Directory, target: ChannelTarget): Channel | ApiResponse {
  const channel = directory.channel(target.channelId);
  if (!channel || channel.workspaceId !== target.workspaceId) return errorResponse(404, 'channel not found');
  const needsMembership = channel.private || context.role === 'guest';
  if (needsMembership && !channel.members.has(context.actorId)) return errorResponse(404, 'channel not found');
  if (channel.archived) return errorResponse(409, 'channel is archived');
  return channel;
}

export function isChannel(value: Channel | ApiResponse): value is Channel {
  return 'workspaceId' in value;
}
