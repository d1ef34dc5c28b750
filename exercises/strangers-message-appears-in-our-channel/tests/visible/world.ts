import { TokenRegistry } from '../../src/auth/tokens';
import { Directory } from '../../src/workspaces/directory';
import { createMessagesApi } from '../../src/messages/messages';

export const NOW = Date.parse('2026-01-05T09:00:00.000Z');

/**
 * Two customer workspaces. Acme: Ana (owner), Dan (guest, only in #launch), and the Standup bot
 * Acme installed. Globex: Ben (owner). Cleo works with both: member of Acme and of Globex.
 */
export function world() {
  const tokens = new TokenRegistry();
  const directory = new Directory();
  directory.addMember('acme', 'u-ana', 'owner');
  directory.addMember('acme', 'u-dan', 'guest');
  directory.addMember('acme', 'bot-standup', 'member');
  directory.addMember('acme', 'u-cleo', 'member');
  directory.addMember('globex', 'u-ben', 'owner');
  directory.addMember('globex', 'u-cleo', 'member');
  directory.createChannel({ id: 'ch-acme-general', workspaceId: 'acme', name: 'general', private: false, members: ['u-ana', 'bot-standup'] });
  directory.createChannel({ id: 'ch-acme-launch', workspaceId: 'acme', name: 'launch', private: false, members: ['u-ana', 'u-dan'] });
  directory.createChannel({ id: 'ch-acme-leads', workspaceId: 'acme', name: 'leads', private: true, members: ['u-ana'] });
  directory.createChannel({ id: 'ch-globex-general', workspaceId: 'globex', name: 'general', private: false, members: ['u-ben', 'u-cleo'] });
  directory.createChannel({ id: 'ch-globex-board', workspaceId: 'globex', name: 'board', private: true, members: ['u-ben'] });
  tokens.issue('tok-ana-0123456789', { id: 'u-ana', kind: 'user', name: 'Ana' });
  tokens.issue('tok-dan-0123456789', { id: 'u-dan', kind: 'user', name: 'Dan' });
  tokens.issue('tok-ben-0123456789', { id: 'u-ben', kind: 'user', name: 'Ben' });
  tokens.issue('tok-cleo-012345678', { id: 'u-cleo', kind: 'user', name: 'Cleo' });
  tokens.issue('xoxb-standup-acme-77', { id: 'bot-standup', kind: 'bot', name: 'Standup bot' });
  let clock = NOW;
  const api = createMessagesApi({ tokens, directory, now: () => clock });
  return {
    api,
    directory,
    later: (ms: number) => {
      clock += ms;
    },
  };
}

export function as(token: string, workspaceId: string, body?: unknown, params?: Record<string, string>) {
  return { headers: { authorization: `Bearer ${token}`, 'x-workspace-id': workspaceId }, body, params };
}

export function historyOf(api: ReturnType<typeof world>['api'], token: string, workspaceId: string, channelId: string): Array<{ text: string; authorId: string }> {
  const response = api.history(as(token, workspaceId, undefined, { channelId }));
  if (response.status !== 200) throw new Error(`history ${channelId}: ${response.status}`);
  return response.body as Array<{ text: string; authorId: string }>;
}
