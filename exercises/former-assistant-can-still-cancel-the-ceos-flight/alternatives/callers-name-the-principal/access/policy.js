/**
 * One rule for everything people manage in the tool: whatever it is, it is managed on behalf
 * of a principal (the passenger of a booking, the employee of an expense report), and may be
 * managed by that principal, by anyone the principal currently delegates the matching scope
 * to, and, for travel, by a travel admin of the principal's company. Callers name the
 * principal explicitly, so no resource field can be mistaken for it.
 */
export class AccessDenied extends Error {
  constructor(actorId, kind, id) {
    super(`${actorId} may not manage ${kind} ${id}`);
    this.name = 'AccessDenied';
  }
}

export function createPolicy({ directory, delegations }) {
  function mayActFor(actorId, principalId, scope, at) {
    if (actorId === principalId) return true;
    if (scope === 'travel' && directory.get(actorId)?.role === 'travel-admin' && directory.sameCompany(actorId, principalId)) return true;
    return delegations.isActiveDelegate(principalId, actorId, scope, at);
  }

  return {
    mayActFor,
    assertMayActFor(actorId, principalId, scope, at, what) {
      if (!mayActFor(actorId, principalId, scope, at)) throw new AccessDenied(actorId, what.kind, what.id);
    },
  };
}
