// The world the scenarios play in: Greenbasket's catalogue on four instances behind a load
// balancer, the shared document store, the storefront reading product pages, merchandisers
// changing prices and listing products, and the deploy pipeline rolling out your releases one
// after another. Built on the sandbox's simulation kit, in virtual time: a week's deploys run in
// a fraction of a second.
import type { Simulation } from 'hardmode:sim'
import type { ProductView } from '../../src/catalogue/product'
import { releasePlan } from '../../src/release/plan'
import type { CatalogueApi, JobContext, Release } from '../../src/release/release'
import { InMemoryDocumentStore } from '../../src/storage/documentStore'
import { CatalogueServiceV1 } from './production'

/** Long enough for what is still running when the traffic ends (a job, a last read) to finish. */
export const SETTLE_MS = 5 * 60_000
/** The pipeline, from the platform team's handbook (src/release/release.ts). */
const INSTANCES = 4
const ROLLOUT_STEP_MS = 20_000
const BETWEEN_RELEASES_MS = 30_000
const CATALOGUE_SIZE = 400
/** The products merchandisers are working on this week (promotions, seasonal prices). */
const HOT_PRODUCTS = 40

export type World = ReturnType<typeof createWorld>

export type WorldOptions = {
  /** How long the storefront and the merchandisers keep going (the pipeline must be done well before). */
  forMs: number
  /** When the pipeline starts rolling out the plan (default 30 s). */
  deployAt?: number
  readsPerSecond?: number
  priceChangesPerSecond?: number
  listingsPerSecond?: number
  /** A promotion goes live: `count` price changes on the week's products within `withinMs`. */
  promotion?: { at: number; count: number; withinMs: number }
}

type Product = { sku: string; truth: number; pending: number | undefined; openReads: Set<Set<number>> }

export function createWorld(sim: Simulation, options: WorldOptions, plan: Release[] = releasePlan) {
  const store = new InMemoryDocumentStore({ roundTrip: () => sim.sleep(sim.latency({ p50: 2, p99: 10 })) })
  const products = new Map<string, Product>()
  const skus: string[] = []
  const hot: string[] = []
  let wrongPrices = 0
  let failed = 0
  let listed = 0
  let released = 0

  // The catalogue as it is today: every document written by v1.
  const initial = Array.from({ length: CATALOGUE_SIZE }, (_, i) => {
    const sku = `GB-${String(10_000 + i * 7)}`
    const priceMinor = sim.between(49, 2_999)
    products.set(sku, { sku, truth: priceMinor, pending: undefined, openReads: new Set() })
    skus.push(sku)
    return { sku, name: `Product ${i}`, price: priceMinor / 100, createdAt: 0, updatedAt: Date.now() - sim.between(1, 90) * 86_400_000 }
  })
  store.load(initial)
  hot.push(...sim.shuffle(skus).slice(0, HOT_PRODUCTS))

  const log = () => {}
  const instances: Array<{ version: string; api: CatalogueApi }> = Array.from({ length: INSTANCES }, (_, i) => ({
    version: '1.14.0',
    api: new CatalogueServiceV1({ store, instance: `catalogue-${i + 1}`, log }),
  }))
  const anyInstance = () => sim.pick(instances).api

  // ---- The deploy pipeline -------------------------------------------------------------------
  const trafficEnds = options.forMs
  async function runPipeline() {
    const context: JobContext = { store, log }
    for (const release of plan) {
      if (release.beforeRollout) await release.beforeRollout(context)
      for (let i = 0; i < INSTANCES; i++) {
        if (i > 0) await sim.sleep(ROLLOUT_STEP_MS)
        const replaced = instances[i]
        instances[i] = { version: release.version, api: release.createInstance({ store, instance: `catalogue-${i + 1}`, log }) }
        replaced?.api.close?.()
      }
      if (release.afterRollout) await release.afterRollout(context)
      released++
      await sim.sleep(BETWEEN_RELEASES_MS)
    }
  }
  sim.at(options.deployAt ?? 30_000, async () => {
    try {
      await runPipeline()
    } catch {
      // A job threw: the pipeline stops there (releasesNotRolledOut says how far it got).
    }
    // The nightly feed export: once the traffic is over, every product page through the API.
    await sim.sleep(Math.max(0, trafficEnds - sim.now()))
    for (const sku of skus) await read(sku)
  })

  // ---- What the storefront and the merchandisers do --------------------------------------------
  async function read(sku: string) {
    const product = products.get(sku) as Product
    const allowed = new Set([product.truth])
    if (product.pending !== undefined) allowed.add(product.pending)
    product.openReads.add(allowed)
    const outcome = await sim.request(() => anyInstance().getProduct(sku))
    product.openReads.delete(allowed)
    allowed.add(product.truth)
    if (!outcome.ok) failed++
    const view = outcome.answer as ProductView | undefined
    if (!view || view.currency !== 'EUR' || !allowed.has(view.priceMinor)) wrongPrices++
  }

  /** One write of a product's price, by whoever makes it; reads meanwhile may see the old or the new price. */
  async function write(product: Product, priceMinor: number, perform: () => Promise<unknown>) {
    product.pending = priceMinor
    for (const allowed of product.openReads) allowed.add(priceMinor)
    const outcome = await sim.request(perform)
    product.pending = undefined
    if (outcome.ok) product.truth = priceMinor
    else failed++
  }

  const idle = (list: string[]) => list.filter((sku) => (products.get(sku) as Product).pending === undefined)
  function changePrice() {
    const candidates = idle(hot)
    if (candidates.length === 0) return
    const product = products.get(sim.pick(candidates)) as Product
    const priceMinor = Math.max(19, product.truth + sim.pick([-50, -30, -10, 10, 20, 40, 100]))
    return write(product, priceMinor, () => anyInstance().updatePrice(product.sku, priceMinor))
  }

  async function listProduct() {
    const sku = `GB-NEW-${String(++listed).padStart(4, '0')}`
    const priceMinor = sim.between(99, 1_999)
    const outcome = await sim.request(() => anyInstance().createProduct({ sku, name: `New product ${listed}`, priceMinor }))
    if (!outcome.ok) {
      failed++
      return
    }
    products.set(sku, { sku, truth: priceMinor, pending: undefined, openReads: new Set() })
    skus.push(sku)
    hot.push(sku)
  }

  sim.traffic({ perSecond: options.readsPerSecond ?? 5, forMs: options.forMs }, () => read(sim.chance(0.7) ? sim.pick(hot) : sim.pick(skus)))
  sim.traffic({ perSecond: options.priceChangesPerSecond ?? 1, forMs: options.forMs }, changePrice)
  sim.traffic({ perSecond: options.listingsPerSecond ?? 0.1, forMs: options.forMs }, listProduct)
  if (options.promotion) sim.burst({ count: options.promotion.count, at: options.promotion.at, withinMs: options.promotion.withinMs }, changePrice)

  // ---- Measurements --------------------------------------------------------------------------
  sim.metric('wrongPricesServed', { label: 'Product pages with a wrong or missing price', unit: 'pages', value: () => wrongPrices })
  sim.metric('failedRequests', { label: 'Requests that failed', unit: 'requests', value: () => failed })
  sim.metric('docsWithWrongCents', {
    label: 'Documents whose priceMinor and currency are not the right price at the end',
    unit: 'documents',
    value: () => store.all().filter((document) => document.priceMinor !== products.get(document.sku)?.truth || document.currency !== 'EUR').length,
  })
  sim.metric('docsWithFloatPrice', {
    label: 'Documents that still have the float price at the end',
    unit: 'documents',
    value: () => store.all().filter((document) => 'price' in document).length,
  })
  sim.metric('releasesNotRolledOut', { label: 'Releases of the plan not rolled out', unit: 'releases', value: () => plan.length - released })

  return {
    store,
    instances,
    /** The products the catalogue had at the start whose price nobody is changing right now. */
    settledProducts: () => idle(skus.filter((sku) => !sku.startsWith('GB-NEW'))),
    /** The right price of a product: the last price set for it. */
    priceOf: (sku: string) => (products.get(sku) as Product).truth,
    /** Records a price write that `perform` makes, for the measurements: pages read meanwhile may show the old or the new price. */
    writePrice: (sku: string, priceMinor: number, perform: () => Promise<unknown>) => write(products.get(sku) as Product, priceMinor, perform),
  }
}
