import { DEFAULT_SETTINGS, PLAN_SETTINGS } from './defaults';
import { mergeSettings } from './merge';

/**
 * The effective settings of one tenant: platform defaults, then the tenant's plan,
 * then the tenant's own overrides.
 */
// The defaults as shipped, to undo whatever resolving the previous tenant left in them.
const SHIPPED_DEFAULTS = structuredClone(DEFAULT_SETTINGS);

export function resolveTenantSettings(tenant) {
  const planSettings = PLAN_SETTINGS[tenant.plan];
  if (!planSettings) {
    throw new Error(`Tenant ${tenant.id} has unknown plan "${tenant.plan}"`);
  }
  mergeSettings(DEFAULT_SETTINGS, structuredClone(SHIPPED_DEFAULTS));
  const settings = { ...DEFAULT_SETTINGS };
  mergeSettings(settings, planSettings);
  mergeSettings(settings, tenant.overrides ?? {});
  return settings;
}
