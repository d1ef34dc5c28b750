import { formatLocal } from '../time/zoned-time';

/** Push notifications handed to the delivery provider, newest last. */
export class Outbox {
  #messages = [];

  send({ reminder, dueAt }) {
    const sentAt = Date.now();
    const message = {
      reminderId: reminder.id,
      userId: reminder.userId,
      body: reminder.text,
      dueAt,
      sentAt,
      // What the user's phone shows next to the notification.
      localTime: formatLocal(sentAt, reminder.timeZone),
    };
    this.#messages.push(message);
    return { ...message };
  }

  messages(filter = {}) {
    return this.#messages
      .filter((message) => filter.userId === undefined || message.userId === filter.userId)
      .filter((message) => filter.reminderId === undefined || message.reminderId === filter.reminderId)
      .map((message) => ({ ...message }));
  }
}
