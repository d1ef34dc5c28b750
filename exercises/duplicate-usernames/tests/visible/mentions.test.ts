import { describe, it, expect } from 'vitest';
import { UserRegistry } from '../../src/accounts/registry';
import { ChannelService } from '../../src/chat/channels';
import { NotificationOutbox } from '../../src/chat/outbox';

function setUp() {
  const registry = new UserRegistry();
  const outbox = new NotificationOutbox();
  const channels = new ChannelService(registry, outbox);
  const signUp = (handle: string, displayName: string, email: string) => registry.signUp({ handle, displayName, email });
  return { registry, outbox, channels, signUp };
}

// Handles and message text as they arrive from the clients (copied from the request log).
const FROM_WEB = 'José';
const FROM_ANDROID = 'José';

describe('mentions', () => {
  it('notifies the mentioned user when the message comes from the web app', () => {
    const { outbox, channels, signUp } = setUp();
    const jose = signUp(FROM_WEB, 'José Alvarez', 'jose.alvarez@example.com');
    const maria = signUp('maria', 'Maria Lindqvist', 'maria@example.com');
    if (!jose.ok || !maria.ok) throw new Error('sign-up failed');

    channels.post('#rota', maria.user.id, `@${FROM_WEB} can you cover Friday?`);

    expect(outbox.drain().map((n) => n.userId)).toEqual([jose.user.id]);
  });

  it('notifies the mentioned user when the message comes from the Android app', () => {
    const { outbox, channels, signUp } = setUp();
    const jose = signUp(FROM_WEB, 'José Alvarez', 'jose.alvarez@example.com');
    const maria = signUp('maria', 'Maria Lindqvist', 'maria@example.com');
    if (!jose.ok || !maria.ok) throw new Error('sign-up failed');

    const message = channels.post('#rota', maria.user.id, `@${FROM_ANDROID} can you cover Friday?`);

    expect(message.mentionedUserIds).toEqual([jose.user.id]);
    expect(outbox.drain().map((n) => n.userId)).toEqual([jose.user.id]);
  });

  it('never delivers a mention of José to a second account that signed up later', () => {
    const { outbox, channels, signUp } = setUp();
    const jose = signUp(FROM_WEB, 'José Alvarez', 'jose.alvarez@example.com');
    const maria = signUp('maria', 'Maria Lindqvist', 'maria@example.com');
    if (!jose.ok || !maria.ok) throw new Error('sign-up failed');
    signUp(FROM_ANDROID, 'José', 'jose.support.desk@example.net');

    channels.post('#rota', maria.user.id, `@${FROM_ANDROID} can you cover Friday?`);

    expect(outbox.drain().map((n) => n.userId)).toEqual([jose.user.id]);
  });
});
