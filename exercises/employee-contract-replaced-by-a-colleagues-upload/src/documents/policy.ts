export type Role = 'employee' | 'hr'

export type Actor = { id: string; role: Role }

/** Document categories and who may upload into an employee's folder of that category. */
export const CATEGORIES = {
  contracts: { employeeUploads: false },
  payslips: { employeeUploads: false },
  receipts: { employeeUploads: true },
  certificates: { employeeUploads: true },
} as const

export type Category = keyof typeof CATEGORIES

export function isCategory(value: string): value is Category {
  return Object.prototype.hasOwnProperty.call(CATEGORIES, value)
}

/** HR may do anything; employees may read their own folders and upload where the category allows it. */
export function mayUpload(actor: Actor, employeeId: string, category: Category): boolean {
  if (actor.role === 'hr') return true
  return actor.id === employeeId && CATEGORIES[category].employeeUploads
}

export function mayRead(actor: Actor, employeeId: string): boolean {
  return actor.role === 'hr' || actor.id === employeeId
}
