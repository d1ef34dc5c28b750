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
  const withPlan = mergeSettings(DEFAULT_SETTINGS, planSettings);
  return mergeSettings(withPlan, tenant.overrides ?? {});
}
