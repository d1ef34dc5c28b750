import { resolveTenantSettings } from '../settings/resolve';
import { renderEmail } from './emailTemplate';

const CHANNEL_LABELS = { email: 'Email', inApp: 'In-app', slack: 'Slack' };

function describeChannels(channels) {
  return Object.entries(channels)
    .filter(([, channel]) => channel.enabled)
    .map(([name, channel]) => {
      const label = CHANNEL_LABELS[name] ?? name;
      return channel.channel ? `${label} (${channel.channel})` : label;
    });
}

export function createNotificationService({ directory }) {
  function settingsFor(tenantId) {
    const tenant = directory.get(tenantId);
    return { tenant, settings: resolveTenantSettings(tenant) };
  }

  return {
    composeEmail(tenantId, message) {
      const { tenant, settings } = settingsFor(tenantId);
      return renderEmail(tenant, settings, message);
    },

    /** The summary shown on the tenant's "Notification settings" page. */
    describePreferences(tenantId) {
      const { settings } = settingsFor(tenantId);
      const { digest, channels, quietHours } = settings.notifications;
      return {
        digest: `${digest.frequency} at ${digest.sendAt} (${settings.timeZone})`,
        channels: describeChannels(channels),
        quietHours: quietHours.enabled ? `${quietHours.start}-${quietHours.end}` : 'off',
        sender: settings.email.fromName ?? directory.get(tenantId).name,
      };
    },
  };
}
