export const SCOPES = ['travel', 'expenses'];

/**
 * Delegations let one person act for another: an executive (the principal) lets an
 * assistant (the delegate) handle their travel, their expenses, or both. A delegation
 * applies from `from` until it is revoked.
 */
export class DelegationRegistry {
  #delegations = [];
  #nextId = 1;

  grant({ principalId, delegateId, scope, from }) {
    if (!SCOPES.includes(scope)) throw new Error(`unknown scope ${scope}`);
    if (principalId === delegateId) throw new Error('nobody needs to delegate to themselves');
    const delegation = { id: `dlg-${this.#nextId++}`, principalId, delegateId, scope, from, revokedAt: null };
    this.#delegations.push(delegation);
    return { ...delegation };
  }

  revoke(id, at) {
    const delegation = this.#delegations.find((candidate) => candidate.id === id);
    if (!delegation) throw new Error(`no delegation ${id}`);
    if (delegation.revokedAt === null || at < delegation.revokedAt) delegation.revokedAt = at;
  }

  /** Does `delegateId` act for `principalId` in `scope` at time `at`? */
  isActiveDelegate(principalId, delegateId, scope, at) {
    return this.#delegations.some(
      (d) => d.principalId === principalId && d.delegateId === delegateId && d.scope === scope && d.from <= at && (d.revokedAt === null || at < d.revokedAt),
    );
  }

  /** The people `delegateId` currently acts for in `scope`. */
  principalsOf(delegateId, scope, at) {
    return this.#delegations
      .filter((d) => d.delegateId === delegateId && d.scope === scope && d.from <= at && (d.revokedAt === null || at < d.revokedAt))
      .map((d) => d.principalId);
  }
}
