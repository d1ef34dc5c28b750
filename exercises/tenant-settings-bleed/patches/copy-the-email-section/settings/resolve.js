import { DEFAULT_SETTINGS, PLAN_SETTINGS } from './defaults';
import { mergeSettings } from './merge';

/**
 * The effective settings of one tenant: platform defaults, then the tenant's plan,
 * then the tenant's own overrides.
 */
export function resolveTenantSettings(tenant) {
  const planSettings = PLAN_SETTINGS[tenant.plan];
  if (!planSettings) {
    throw new Error(`Tenant ${tenant.id} has unknown plan "${tenant.plan}"`);
  }
  // The email section is tenant-specific: give each tenant its own copy of it.
  const settings = {
    ...DEFAULT_SETTINGS,
    email: {
      ...DEFAULT_SETTINGS.email,
      footer: { ...DEFAULT_SETTINGS.email.footer },
      branding: { ...DEFAULT_SETTINGS.email.branding },
    },
  };
  mergeSettings(settings, planSettings);
  mergeSettings(settings, tenant.overrides ?? {});
  return settings;
}
