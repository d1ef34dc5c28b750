// Quillbill's customers (tenants) and their plans. The accounts team owns this: keep the types.

export type Plan = 'starter' | 'business' | 'enterprise'

export type Tenant = {
  tenantId: string
  name: string
  plan: Plan
  /**
   * Enterprise contracts only: the share of the render pool the tenant is guaranteed whenever it
   * has documents waiting (0.4 = 40 % of the workers' time). Sales is negotiating the first
   * ones; none is signed yet.
   */
  renderShare?: number
}

export interface TenantDirectory {
  /** Every tenant's record is in memory on every node: a lookup costs nothing. */
  find(tenantId: string): Tenant | undefined
}

export class InMemoryTenants implements TenantDirectory {
  private readonly tenants = new Map<string, Tenant>()

  add(tenant: Tenant) {
    this.tenants.set(tenant.tenantId, tenant)
  }

  find(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId)
  }
}
