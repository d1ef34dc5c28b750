import { describe, it, expect } from 'vitest';
import { createNotificationService } from '../../src/notifications/service';
import { createTenantDirectory } from '../../src/tenants/directory';

const shiftReminder = {
  to: 'sam.okafor@example.com',
  subject: 'Your shift tomorrow',
  body: 'Reminder: you are on the 07:00-15:00 shift tomorrow.',
};

describe('tenant notification emails', () => {
  it('sends an Acme email with Acme branding', () => {
    const service = createNotificationService({ directory: createTenantDirectory() });
    const email = service.composeEmail('acme', shiftReminder);

    expect(email.from).toBe('"Acme Dispatch" <notifications@shiftboard.app>');
    expect(email.replyTo).toBe('dispatch@acme-logistics.example');
    expect(email.text).toContain('Acme Logistics Ltd, 4 Harbour Way, Bristol BS1 5TY');
  });

  it('sends a Globex email with Globex details', () => {
    const service = createNotificationService({ directory: createTenantDirectory() });
    service.composeEmail('acme', shiftReminder);
    const email = service.composeEmail('globex', shiftReminder);

    expect(email.from).toBe('"Globex Health" <notifications@shiftboard.app>');
    expect(email.replyTo).toBe('notifications@shiftboard.app');
    expect(email.text).not.toContain('Acme');
  });

  it("shows an enterprise tenant's own Slack channel and quiet hours on its settings page", () => {
    const service = createNotificationService({ directory: createTenantDirectory() });
    const preferences = service.describePreferences('initech');

    expect(preferences.channels).toEqual(['Email', 'In-app', 'Slack (#initech-rota)']);
    expect(preferences.quietHours).toBe('22:00-07:00');
  });
});
