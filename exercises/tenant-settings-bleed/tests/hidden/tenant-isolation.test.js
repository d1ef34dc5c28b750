import { describe, it, expect } from 'vitest';
import { createNotificationService } from '../../src/notifications/service';
import { createTenantDirectory } from '../../src/tenants/directory';

const message = { to: 'ops@example.com', subject: 'Rota published', body: 'Next week is live.' };

function freshService(records) {
  return createNotificationService({ directory: createTenantDirectory(records) });
}

const records = [
  {
    id: 'northwind',
    name: 'Northwind Couriers',
    plan: 'pro',
    overrides: {
      email: { fromName: 'Northwind Ops', footer: { text: 'Northwind Couriers, 12 Canal St, Leeds' } },
      notifications: { quietHours: { enabled: true, start: '21:00' } },
    },
  },
  { id: 'contoso', name: 'Contoso Care', plan: 'pro', overrides: {} },
  { id: 'tinycafe', name: 'Tiny Cafe', plan: 'starter', overrides: {} },
  {
    id: 'bigcorp',
    name: 'BigCorp',
    plan: 'enterprise',
    overrides: { notifications: { channels: { slack: { channel: '#bigcorp-rota' } } } },
  },
  { id: 'megacorp', name: 'MegaCorp', plan: 'enterprise', overrides: {} },
];

describe('tenant settings stay isolated', () => {
  // Stated in README.md: "Each email must be rendered with its own tenant's settings, whichever tenants the worker handled before it."
  it('renders a tenant the same no matter which tenants were rendered before', () => {
    const reference = freshService(records).composeEmail('contoso', message);

    const service = freshService(records);
    for (const id of ['northwind', 'tinycafe', 'bigcorp', 'megacorp']) {
      service.composeEmail(id, message);
      service.describePreferences(id);
    }
    expect(service.composeEmail('contoso', message)).toEqual(reference);
    expect(reference.from).toBe('"Contoso Care" <notifications@shiftboard.app>');
    expect(reference.text).toContain('You receive this email because your team schedules shifts with Shiftboard.');
  });

  // Stated in README.md: "Each email must be rendered with its own tenant's settings, whichever tenants the worker handled before it."
  it("does not carry one tenant's quiet hours or sender into another tenant's preferences", () => {
    const service = freshService(records);
    expect(service.describePreferences('northwind')).toMatchObject({ quietHours: '21:00-07:00', sender: 'Northwind Ops' });
    expect(service.describePreferences('contoso')).toEqual({
      digest: 'daily at 08:00 (Europe/London)',
      channels: ['Email', 'In-app'],
      quietHours: 'off',
      sender: 'Contoso Care',
    });
  });

  // Stated in src/settings/defaults.js: "Every tenant starts from DEFAULT_SETTINGS,"
  // Stated in src/settings/defaults.js: "then the settings of its plan, then its own overrides (see resolve.js)."
  it("does not apply the starter plan's weekly digest to other plans", () => {
    const service = freshService(records);
    expect(service.describePreferences('tinycafe').digest).toBe('weekly at 09:00 (Europe/London)');
    expect(service.describePreferences('contoso').digest).toBe('daily at 08:00 (Europe/London)');
    expect(service.describePreferences('northwind').digest).toBe('daily at 08:00 (Europe/London)');
  });

  // Stated in src/settings/defaults.js: "then the settings of its plan, then its own overrides (see resolve.js)."
  // Stated in README.md: "the extra settings of each plan"
  it('shows the Slack channel only to enterprise tenants', () => {
    const service = freshService(records);
    expect(service.describePreferences('megacorp').channels).toEqual(['Email', 'In-app', 'Slack (#shift-updates)']);
    expect(service.describePreferences('contoso').channels).toEqual(['Email', 'In-app']);
  });

  // Stated in README.md: "Umbrella never set a Slack channel and expects the plan default."
  // Stated in README.md: "Each email must be rendered with its own tenant's settings, whichever tenants the worker handled before it."
  it("keeps one enterprise tenant's Slack channel away from another enterprise tenant", () => {
    const service = freshService(records);
    expect(service.describePreferences('bigcorp').channels).toEqual(['Email', 'In-app', 'Slack (#bigcorp-rota)']);
    expect(service.describePreferences('megacorp').channels).toEqual(['Email', 'In-app', 'Slack (#shift-updates)']);
    expect(service.describePreferences('bigcorp').channels).toEqual(['Email', 'In-app', 'Slack (#bigcorp-rota)']);
  });

  // Stated in src/settings/defaults.js: "then the settings of its plan, then its own overrides (see resolve.js)."
  // Stated in README.md: "Each email must be rendered with its own tenant's settings, whichever tenants the worker handled before it."
  it('keeps the powered-by line for starter tenants after pro tenants were rendered', () => {
    const service = freshService(records);
    expect(service.composeEmail('northwind', message).text).not.toContain('Sent with Shiftboard');
    expect(service.composeEmail('tinycafe', message).text).toContain('Sent with Shiftboard');
  });

  // Stated in src/settings/defaults.js: "then the settings of its plan, then its own overrides (see resolve.js)."
  it('still applies plan settings and overrides to the tenant itself', () => {
    const service = freshService(records);
    const email = service.composeEmail('northwind', message);
    expect(email.from).toBe('"Northwind Ops" <notifications@shiftboard.app>');
    expect(email.text).toContain('Northwind Couriers, 12 Canal St, Leeds');
    expect(email.text).toContain('Unsubscribe: https://shiftboard.app/settings/notifications?tenant=northwind');
    expect(email.accentColor).toBe('#2f6fed');
    expect(service.describePreferences('northwind').quietHours).toBe('21:00-07:00');
  });

  // Stated in README.md: "the tenant records and their overrides, as each customer's admins saved them; the worker only reads them."
  it('leaves the tenant records untouched', () => {
    const own = structuredClone(records);
    const service = freshService(own);
    for (const id of ['bigcorp', 'northwind', 'megacorp', 'tinycafe', 'contoso']) {
      service.composeEmail(id, message);
      service.describePreferences(id);
    }
    expect(own).toEqual(records);
  });
});
