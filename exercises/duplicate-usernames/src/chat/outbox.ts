export type MentionNotification = {
  userId: string;
  messageId: string;
  channel: string;
  authorHandle: string;
  preview: string;
};

const PREVIEW_LENGTH = 80;

/** Notifications waiting for delivery (push, email digest); the delivery worker drains it. */
export class NotificationOutbox {
  private readonly pending: MentionNotification[] = [];

  enqueue(notification: Omit<MentionNotification, 'preview'> & { text: string }): void {
    const { text, ...rest } = notification;
    const preview = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
    this.pending.push({ ...rest, preview });
  }

  drain(): MentionNotification[] {
    return this.pending.splice(0, this.pending.length);
  }

  peek(): readonly MentionNotification[] {
    return this.pending;
  }
}
