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
  // Start from a fresh object and copy every layer into it: the defaults and plan
  // settings are shared by all tenants and must never be written to.
  const settings = {};
  for (const layer of [DEFAULT_SETTINGS, planSettings, tenant.overrides ?? {}]) {
    mergeSettings(settings, layer);
  }
  return settings;
}
