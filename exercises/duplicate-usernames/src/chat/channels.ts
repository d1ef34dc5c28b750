import type { UserRegistry } from '../accounts/registry';
import { extractMentions } from './mentions';
import type { NotificationOutbox } from './outbox';

export type Message = {
  id: string;
  channel: string;
  authorId: string;
  text: string;
  /** Ids of the users the message mentions, resolved when it is posted. */
  mentionedUserIds: string[];
  /** Mentioned handles that matched no user; the client shows them as plain text. */
  unresolvedMentions: string[];
  postedAt: string;
};

export class ChannelService {
  private readonly messages: Message[] = [];
  private nextId = 1;
  private readonly registry: UserRegistry;
  private readonly outbox: NotificationOutbox;

  constructor(registry: UserRegistry, outbox: NotificationOutbox) {
    this.registry = registry;
    this.outbox = outbox;
  }

  post(channel: string, authorId: string, text: string): Message {
    const author = this.registry.getById(authorId);
    if (!author) throw new Error(`Unknown author ${authorId}`);

    const mentionedUserIds: string[] = [];
    const unresolvedMentions: string[] = [];
    for (const handle of extractMentions(text)) {
      const user = this.registry.findByHandle(handle);
      if (!user) unresolvedMentions.push(handle);
      else if (!mentionedUserIds.includes(user.id)) mentionedUserIds.push(user.id);
    }

    const message: Message = {
      id: `m_${this.nextId++}`,
      channel,
      authorId,
      text,
      mentionedUserIds,
      unresolvedMentions,
      postedAt: new Date().toISOString(),
    };
    this.messages.push(message);

    for (const userId of mentionedUserIds) {
      if (userId === authorId) continue;
      this.outbox.enqueue({ userId, messageId: message.id, channel, authorHandle: author.handle, text });
    }
    return message;
  }

  history(channel: string): Message[] {
    return this.messages.filter((message) => message.channel === channel);
  }
}
