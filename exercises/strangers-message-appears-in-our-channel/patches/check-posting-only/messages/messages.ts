import { type TokenRegistry } from '../auth/tokens';
import { type ApiRequest, type WorkspaceContext, errorResponse, json } from '../http/types';
import { withWorkspace } from '../http/workspace-scope';
import { type Directory } from '../workspaces/directory';
import { isChannel, parseTarget, resolveWritableChannel } from './channel-access';

export type Message = { id: string; workspaceId: string; channelId: string; authorId: string; text: string; postedAt: string };
type Scheduled = Omit<Message, 'postedAt'> & { sendAt: number };

const MAX_TEXT = 4_000;
const MAX_SCHEDULE_AHEAD_MS = 120 * 86_400_000;

function textOf(body: unknown): string | undefined {
  const text = (body as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim() !== '' && text.length <= MAX_TEXT ? text : undefined;
}

export function createMessagesApi(deps: { tokens: TokenRegistry; directory: Directory; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const messages: Message[] = [];
  const scheduled: Scheduled[] = [];
  let nextId = 1;
  const newId = () => `msg-${String(nextId++).padStart(6, '0')}`;
  const scoped = (handler: (context: WorkspaceContext, request: ApiRequest) => ReturnType<typeof json>) => withWorkspace(deps.tokens, deps.directory, handler);

  return {
    /** POST /messages { workspaceId, channelId, text } */
    post: scoped((context, request) => {
      const target = parseTarget(request.body);
      if (typeof target === 'string') return errorResponse(400, target);
      if (target.workspaceId !== context.workspaceId) return errorResponse(404, 'channel not found');
      const text = textOf(request.body);
      if (!text) return errorResponse(400, `text must be 1 to ${MAX_TEXT} characters`);
      const channel = resolveWritableChannel(context, deps.directory, target);
      if (!isChannel(channel)) return channel;
      const message: Message = { id: newId(), workspaceId: channel.workspaceId, channelId: channel.id, authorId: context.actorId, text, postedAt: new Date(now()).toISOString() };
      messages.push(message);
      return json(201, message);
    }),

    /** POST /messages/scheduled { workspaceId, channelId, text, sendAt } */
    schedule: scoped((context, request) => {
      const target = parseTarget(request.body);
      if (typeof target === 'string') return errorResponse(400, target);
      const text = textOf(request.body);
      if (!text) return errorResponse(400, `text must be 1 to ${MAX_TEXT} characters`);
      const sendAt = Date.parse(String((request.body as { sendAt?: unknown }).sendAt));
      if (Number.isNaN(sendAt) || sendAt <= now() || sendAt - now() > MAX_SCHEDULE_AHEAD_MS) return errorResponse(400, 'sendAt must be within the next 120 days');
      const channel = resolveWritableChannel(context, deps.directory, target);
      if (!isChannel(channel)) return channel;
      const entry: Scheduled = { id: newId(), workspaceId: channel.workspaceId, channelId: channel.id, authorId: context.actorId, text, sendAt };
      scheduled.push(entry);
      return json(202, { id: entry.id, sendAt: new Date(sendAt).toISOString() });
    }),

    /** GET /channels/:channelId/messages */
    history: scoped((context, request) => {
      const channel = deps.directory.channel(request.params?.['channelId'] ?? '');
      if (!channel || channel.workspaceId !== context.workspaceId) return errorResponse(404, 'channel not found');
      if ((channel.private || context.role === 'guest') && !channel.members.has(context.actorId)) return errorResponse(404, 'channel not found');
      return json(200, messages.filter((message) => message.channelId === channel.id));
    }),

    /** Run every minute by the scheduler: posts the scheduled messages that are due. */
    deliverDue(): number {
      const due = scheduled.filter((entry) => entry.sendAt <= now());
      for (const entry of due) {
        scheduled.splice(scheduled.indexOf(entry), 1);
        const { sendAt, ...message } = entry;
        messages.push({ ...message, postedAt: new Date(sendAt).toISOString() });
      }
      return due.length;
    },
  };
}
