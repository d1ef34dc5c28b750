import { describe, it, expect } from 'vitest';
import { as, historyOf, world } from '../visible/world';

const refused = (status: number) => status === 403 || status === 404;

describe('writes stay inside the workspace the request acts in', () => {
  // Stated in src/http/workspace-scope.ts: "handlers then act inside that workspace only"
  it('does not schedule a message into another workspace’s channel', () => {
    const { api, later } = world();
    const response = api.schedule(
      as('xoxb-standup-acme-77', 'acme', { workspaceId: 'globex', channelId: 'ch-globex-general', text: 'Standup in 5', sendAt: '2026-01-05T09:30:00.000Z' }),
    );
    expect(refused(response.status)).toBe(true);
    later(3_600_000);
    api.deliverDue();
    expect(historyOf(api, 'tok-ben-0123456789', 'globex', 'ch-globex-general')).toEqual([]);
  });

  // Stated in src/http/workspace-scope.ts: "handlers then act inside that workspace only"
  // Stated in src/messages/channel-access.ts: "It must be a channel of the workspace"
  it('keeps someone who belongs to both workspaces inside the one the request names', () => {
    const { api } = world();
    for (const body of [
      { workspaceId: 'globex', channelId: 'ch-globex-general', text: 'wrong tab' },
      { workspaceId: 'acme', channelId: 'ch-globex-general', text: 'wrong tab' },
    ]) {
      expect(refused(api.post(as('tok-cleo-012345678', 'acme', body)).status)).toBe(true);
    }
    expect(historyOf(api, 'tok-ben-0123456789', 'globex', 'ch-globex-general')).toEqual([]);
    expect(api.post(as('tok-cleo-012345678', 'globex', { workspaceId: 'globex', channelId: 'ch-globex-general', text: 'right tab' })).status).toBe(201);
  });

  // Stated in src/messages/channel-access.ts: "private channels, and every channel for guests, need the"
  it('keeps private channels of another workspace out of reach too', () => {
    const { api } = world();
    const response = api.post(as('tok-ana-0123456789', 'acme', { workspaceId: 'globex', channelId: 'ch-globex-board', text: 'hi board' }));
    expect(refused(response.status)).toBe(true);
    expect(historyOf(api, 'tok-ben-0123456789', 'globex', 'ch-globex-board')).toEqual([]);
  });
});

describe('writes inside the workspace still work', () => {
  // Stated in src/messages/channel-access.ts: "Members may write in any public channel of the"
  it('lets a member post in a public channel without joining it first', () => {
    const { api } = world();
    expect(api.post(as('tok-cleo-012345678', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-launch', text: 'Count me in' })).status).toBe(201);
    expect(api.schedule(as('tok-cleo-012345678', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-general', text: 'Lunch?', sendAt: '2026-01-05T11:30:00.000Z' })).status).toBe(202);
  });

  // Stated in src/messages/channel-access.ts: "private channels, and every channel for guests, need the"
  it('lets a guest write only in the channels they were added to', () => {
    const { api } = world();
    expect(api.post(as('tok-dan-0123456789', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-launch', text: 'Assets uploaded' })).status).toBe(201);
    expect(api.post(as('tok-dan-0123456789', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-general', text: 'hello all' })).status).toBe(404);
  });

  // Stated in README.md: "Acme's own #general gets the standup question every morning, as it should"
  it('still lets the Standup bot post in the workspace that installed it', () => {
    const { api } = world();
    expect(api.post(as('xoxb-standup-acme-77', 'acme', { workspaceId: 'acme', channelId: 'ch-acme-general', text: 'Daily standup' }))).toMatchObject({
      status: 201,
      body: { workspaceId: 'acme', channelId: 'ch-acme-general', authorId: 'bot-standup' },
    });
  });
});
