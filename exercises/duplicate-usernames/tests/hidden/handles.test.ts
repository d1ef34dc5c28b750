import { describe, it, expect } from 'vitest';
import { UserRegistry } from '../../src/accounts/registry';
import { ChannelService } from '../../src/chat/channels';
import { NotificationOutbox } from '../../src/chat/outbox';

const NFC = 'jos\u00e9';
const NFD = 'jose\u0301';
const NFD_UPPER = 'JOSE\u0301';
const NFC_UPPER = 'JOS\u00c9';
const FULL_WIDTH_JOSE = '\uff4a\uff4f\uff53\uff45'; // ｊｏｓｅ
const FULL_WIDTH_JOSE_UPPER = '\uff2a\uff2f\uff33\uff25'; // ＪＯＳＥ

let emailCounter = 0;
function signUp(registry: UserRegistry, handle: string) {
  emailCounter += 1;
  return registry.signUp({ handle, displayName: handle, email: `person${emailCounter}@example.com` });
}
function mustSignUp(registry: UserRegistry, handle: string) {
  const result = signUp(registry, handle);
  if (!result.ok) throw new Error(`could not sign up ${handle}: ${result.error}`);
  return result.user;
}

describe('one visible handle, one account', () => {
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  // Stated in README.md: "Handles are case-insensitive, so @Maria and @maria are the same person"
  it.each([
    ['NFC first, then NFD', NFC, NFD],
    ['NFD first, then NFC', NFD, NFC],
    ['NFC, then upper-case NFD', NFC, NFD_UPPER],
    ['NFD, then upper-case NFC', NFD, NFC_UPPER],
    ['ASCII, then full-width', 'jose', FULL_WIDTH_JOSE],
    ['full-width, then ASCII', FULL_WIDTH_JOSE, 'jose'],
    ['ASCII, then upper-case full-width', 'jose', FULL_WIDTH_JOSE_UPPER],
  ])('refuses a second sign-up that looks the same (%s)', (_label, first, second) => {
    const registry = new UserRegistry();
    mustSignUp(registry, first);
    expect(signUp(registry, second)).toEqual({ ok: false, error: 'taken' });
  });

  // Stated in README.md: "but accents matter, so josé and jose may be two different people"
  // Stated in README.md: "Handles are case-insensitive, so @Maria and @maria are the same person"
  it('still treats handles that differ by an accent as different people', () => {
    const registry = new UserRegistry();
    const accented = mustSignUp(registry, NFC);
    const plain = mustSignUp(registry, 'jose');
    expect(accented.id).not.toBe(plain.id);
    expect(registry.findByHandle(NFD)?.id).toBe(accented.id);
    expect(registry.findByHandle('JOSE')?.id).toBe(plain.id);
    expect(registry.findByHandle(FULL_WIDTH_JOSE)?.id).toBe(plain.id);
  });

  // Stated in README.md: "Reserved handles such as admin, support or everyone can never be registered."
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it.each([['\uff41\uff44\uff4d\uff49\uff4e'], ['\uff33\uff55\uff50\uff50\uff4f\uff52\uff54'], ['EVERYONE']])(
    'refuses reserved handles however they are typed (%s)',
    (handle) => {
      const registry = new UserRegistry();
      expect(signUp(registry, handle)).toEqual({ ok: false, error: 'reserved' });
    },
  );

  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  // Stated in README.md: "Handles are case-insensitive, so @Maria and @maria are the same person"
  it('finds a user by any form of the handle', () => {
    const registry = new UserRegistry();
    const jose = mustSignUp(registry, NFD);
    for (const form of [NFC, NFD, NFC_UPPER, NFD_UPPER, ` ${NFC} `]) {
      expect(registry.findByHandle(form)?.id).toBe(jose.id);
    }
  });

  // Stated in README.md: "A handle can be changed at any time, under the same rules as at sign-up."
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  // Stated in README.md: "Reserved handles such as admin, support or everyone can never be registered."
  it('refuses to rename an account to a look-alike of another handle', () => {
    const registry = new UserRegistry();
    mustSignUp(registry, NFC);
    const other = mustSignUp(registry, 'joseph');
    expect(registry.rename(other.id, NFD)).toEqual({ ok: false, error: 'taken' });
    expect(registry.rename(other.id, '\uff41\uff44\uff4d\uff49\uff4e')).toEqual({ ok: false, error: 'reserved' });
  });

  // Stated in README.md: "A handle can be changed at any time, under the same rules as at sign-up."
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it('lets a user re-type their own handle in another form, and frees the old one', () => {
    const registry = new UserRegistry();
    const jose = mustSignUp(registry, NFC);
    const renamed = registry.rename(jose.id, NFD_UPPER);
    expect(renamed.ok).toBe(true);
    expect(registry.findByHandle(NFC)?.id).toBe(jose.id);

    const moved = registry.rename(jose.id, 'jose.alvarez');
    expect(moved.ok).toBe(true);
    expect(registry.findByHandle(NFD)).toBeUndefined();
    expect(mustSignUp(registry, NFD).id).not.toBe(jose.id);
  });

  // Stated in src/accounts/registry.ts: "users whose handle starts with what was typed after"
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it('suggests the same users for every form of a prefix', () => {
    const registry = new UserRegistry();
    const accented = mustSignUp(registry, NFC);
    const plain = mustSignUp(registry, 'josefina');
    mustSignUp(registry, 'maria');
    expect(registry.suggest('\uff4a\uff4f').map((u) => u.id).sort()).toEqual([accented.id, plain.id].sort());
    expect(registry.suggest(NFD_UPPER).map((u) => u.id)).toEqual([accented.id]);
  });
});

describe('mentions resolve to the account that owns the visible handle', () => {
  function setUp() {
    const registry = new UserRegistry();
    const outbox = new NotificationOutbox();
    const channels = new ChannelService(registry, outbox);
    return { registry, outbox, channels };
  }

  // Stated in README.md: "each mention is resolved to a user when the message is posted and queued as a notification"
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it('notifies the owner for every way the handle can be typed', () => {
    const { registry, outbox, channels } = setUp();
    const jose = mustSignUp(registry, NFD);
    const plain = mustSignUp(registry, 'jose');
    const maria = mustSignUp(registry, 'maria');

    const message = channels.post('#rota', maria.id, `thanks @${NFC_UPPER}. and @${FULL_WIDTH_JOSE}, see you at 7`);

    expect(message.mentionedUserIds).toEqual([jose.id, plain.id]);
    expect(message.unresolvedMentions).toEqual([]);
    expect(outbox.drain().map((n) => n.userId)).toEqual([jose.id, plain.id]);
  });

  // Stated in README.md: "A person mentioned several times in one message is notified once"
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it('notifies the owner once when the same person is mentioned in two forms', () => {
    const { registry, outbox, channels } = setUp();
    const jose = mustSignUp(registry, NFC);
    const maria = mustSignUp(registry, 'maria');

    channels.post('#rota', maria.id, `@${NFC} @${NFD} swap?`);

    expect(outbox.drain().map((n) => n.userId)).toEqual([jose.id]);
  });

  // Stated in README.md: "authors are not notified of their own mentions"
  // Stated in README.md: "nobody may register a handle that reads the same as someone else's"
  it('does not notify authors who mention themselves in another form', () => {
    const { registry, outbox, channels } = setUp();
    const jose = mustSignUp(registry, NFC);
    channels.post('#rota', jose.id, `note to self (@${NFD_UPPER}): order gloves`);
    expect(outbox.drain()).toEqual([]);
  });
});
