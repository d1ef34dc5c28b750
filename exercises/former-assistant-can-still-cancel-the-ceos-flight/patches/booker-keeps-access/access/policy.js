/**
 * One rule for everything people manage in the tool: a booking or an expense report can be
 * managed (changed, cancelled, edited) by the person it belongs to, and by anyone that person
 * currently delegates the matching scope to. Travel admins may also manage every booking of
 * their own company.
 * A booking belongs to the employee who travels on it; an expense report to the employee who spent the money.
 */
const RESOURCES = {
  booking: { scope: 'travel', belongsTo: (booking) => booking.passengerId, adminsMayManage: true },
  'expense-report': { scope: 'expenses', belongsTo: (report) => report.employeeId, adminsMayManage: false },
};

export class AccessDenied extends Error {
  constructor(actorId, kind, id) {
    super(`${actorId} may not manage ${kind} ${id}`);
    this.name = 'AccessDenied';
  }
}

export function createPolicy({ directory, delegations }) {
  function canManage(actorId, kind, resource, at) {
    const rule = RESOURCES[kind];
    if (!rule) throw new Error(`unknown resource kind ${kind}`);
    const ownerId = rule.belongsTo(resource);
    if (actorId === ownerId) return true;
    // Whoever made a reservation can always manage it.
    if (kind === 'booking' && actorId === resource.ownerId) return true;
    if (rule.adminsMayManage && directory.get(actorId)?.role === 'travel-admin' && directory.sameCompany(actorId, ownerId)) return true;
    return delegations.isActiveDelegate(ownerId, actorId, rule.scope, at);
  }

  return {
    canManage,
    assertCanManage(actorId, kind, resource, at) {
      if (!canManage(actorId, kind, resource, at)) throw new AccessDenied(actorId, kind, resource.id);
    },
  };
}
