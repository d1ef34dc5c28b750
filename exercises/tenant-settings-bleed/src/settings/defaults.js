// Platform-wide notification settings. Every tenant starts from DEFAULT_SETTINGS,
// then the settings of its plan, then its own overrides (see resolve.js).
export const DEFAULT_SETTINGS = {
  locale: 'en-GB',
  timeZone: 'Europe/London',
  email: {
    // null means "use the tenant's display name".
    fromName: null,
    fromAddress: 'notifications@shiftboard.app',
    replyTo: null,
    footer: {
      text: 'You receive this email because your team schedules shifts with Shiftboard.',
      showUnsubscribe: true,
    },
    branding: {
      accentColor: '#2f6fed',
      showPoweredBy: true,
    },
  },
  notifications: {
    digest: { frequency: 'daily', sendAt: '08:00' },
    channels: {
      email: { enabled: true },
      inApp: { enabled: true },
    },
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
  },
};

export const PLAN_SETTINGS = {
  starter: {
    notifications: {
      digest: { frequency: 'weekly', sendAt: '09:00' },
    },
  },
  pro: {
    email: {
      branding: { showPoweredBy: false },
    },
  },
  enterprise: {
    email: {
      branding: { showPoweredBy: false },
    },
    notifications: {
      channels: {
        slack: { enabled: true, channel: '#shift-updates' },
      },
    },
  },
};
