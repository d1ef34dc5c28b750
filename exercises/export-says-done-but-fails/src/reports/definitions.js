function inRange(order, { from, to }) {
  const day = order.placedAt.slice(0, 10)
  return (!from || day >= from) && (!to || day <= to)
}

function euros(cents) {
  return (cents / 100).toFixed(2)
}

export const REPORTS = {
  'orders-by-day': {
    columns: [
      { key: 'day', label: 'Day' },
      { key: 'orders', label: 'Orders' },
      { key: 'revenue', label: 'Revenue (EUR)' },
    ],
    build(orders, params) {
      const byDay = new Map()
      for (const order of orders.filter((o) => inRange(o, params))) {
        const day = order.placedAt.slice(0, 10)
        const entry = byDay.get(day) ?? { day, orders: 0, cents: 0 }
        entry.orders += 1
        entry.cents += order.totalCents
        byDay.set(day, entry)
      }
      return [...byDay.values()]
        .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
        .map((entry) => ({ day: entry.day, orders: entry.orders, revenue: euros(entry.cents) }))
    },
  },

  'order-lines': {
    columns: [
      { key: 'orderId', label: 'Order' },
      { key: 'placedAt', label: 'Placed at' },
      { key: 'customer', label: 'Customer' },
      { key: 'total', label: 'Total (EUR)' },
    ],
    build(orders, params) {
      return orders
        .filter((o) => inRange(o, params))
        .map((o) => ({ orderId: o.id, placedAt: o.placedAt, customer: o.customer, total: euros(o.totalCents) }))
    },
  },
}

export function buildReport(reportType, orders, params = {}) {
  const report = REPORTS[reportType]
  if (!report) throw new Error(`Unknown report type "${reportType}"`)
  return { columns: report.columns, rows: report.build(orders, params) }
}
