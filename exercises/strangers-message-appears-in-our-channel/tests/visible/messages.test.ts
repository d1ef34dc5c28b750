import { describe, it, expect } from 'vitest';
import { as, historyOf, world } from './world';

describe('posting messages', () => {
  it('posts into a channel of the caller’s workspace', () => {
    const { api } = world();
    const response = api.post(as('tok-ana-0123456789', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-general', text: 'Release is green 🎉' }));
    expect(response).toMatchObject({ status: 201, body: { workspaceId: 'acme', channelId: 'ch-acme-general', authorId: 'u-ana' } });
    expect(historyOf(api, 'tok-ana-0123456789', 'acme', 'ch-acme-general').map((m) => m.text)).toEqual(['Release is green 🎉']);
  });

  it('keeps another company’s bot out of our channels', () => {
    const { api } = world();
    const response = api.post(as('xoxb-standup-acme-77', 'acme', { workspaceId: 'globex', channelId: 'ch-globex-general', text: 'Daily standup: what did you do yesterday?' }));
    expect([403, 404]).toContain(response.status);
    expect(historyOf(api, 'tok-ben-0123456789', 'globex', 'ch-globex-general')).toEqual([]);
  });

  it('does not let a non-member post into a private channel', () => {
    const { api } = world();
    const response = api.post(as('xoxb-standup-acme-77', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-leads', text: 'hello' }));
    expect(response).toEqual({ status: 404, body: { error: 'channel not found' } });
  });

  it('refuses a workspace the caller does not belong to', () => {
    const { api } = world();
    const response = api.post(as('tok-ana-0123456789', 'globex', { workspaceId: 'globex', channelId: 'ch-globex-general', text: 'hi' }));
    expect(response).toEqual({ status: 403, body: { error: 'not a member of this workspace' } });
  });

  it('delivers a scheduled message when it is due', () => {
    const { api, later } = world();
    const response = api.schedule(as('tok-ana-0123456789', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-launch', text: 'Launch in one hour', sendAt: '2026-01-05T10:00:00.000Z' }));
    expect(response).toEqual({ status: 202, body: { id: 'msg-000001', sendAt: '2026-01-05T10:00:00.000Z' } });
    later(30 * 60_000);
    expect(api.deliverDue()).toBe(0);
    later(30 * 60_000);
    expect(api.deliverDue()).toBe(1);
    expect(historyOf(api, 'tok-dan-0123456789', 'acme', 'ch-acme-launch').map((m) => m.text)).toEqual(['Launch in one hour']);
  });
});
