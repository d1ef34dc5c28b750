export const TENANTS = [
  {
    id: 'acme',
    name: 'Acme Logistics',
    plan: 'pro',
    overrides: {
      email: {
        fromName: 'Acme Dispatch',
        replyTo: 'dispatch@acme-logistics.example',
        footer: { text: 'Acme Logistics Ltd, 4 Harbour Way, Bristol BS1 5TY' },
      },
    },
  },
  {
    id: 'globex',
    name: 'Globex Health',
    plan: 'pro',
    overrides: {
      locale: 'en-US',
      timeZone: 'America/Chicago',
    },
  },
  {
    id: 'initech',
    name: 'Initech',
    plan: 'enterprise',
    overrides: {
      notifications: {
        channels: { slack: { channel: '#initech-rota' } },
        quietHours: { enabled: true },
      },
    },
  },
  {
    id: 'umbrella',
    name: 'Umbrella Clinics',
    plan: 'enterprise',
    overrides: {
      email: { branding: { accentColor: '#c0392b' } },
    },
  },
  {
    id: 'hooli',
    name: 'Hooli Cafe',
    plan: 'starter',
    overrides: {},
  },
];

export function createTenantDirectory(records = TENANTS) {
  const byId = new Map(records.map((tenant) => [tenant.id, tenant]));
  return {
    get(tenantId) {
      const tenant = byId.get(tenantId);
      if (!tenant) throw new Error(`Unknown tenant: ${tenantId}`);
      return tenant;
    },
    list() {
      return [...byId.values()];
    },
  };
}
