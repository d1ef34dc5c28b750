// Reminder fees of the city library (council decision 2025/114): every weekly reminder for
// an overdue item costs a fee that grows with how late the item is.
export const FEE_STEPS: { fromDaysLate: number; cents: number }[] = [
  { fromDaysLate: 1, cents: 100 },
  { fromDaysLate: 15, cents: 200 },
  { fromDaysLate: 29, cents: 400 },
]

const DAY_MS = 86_400_000

export function daysLate(dueOn: string, today: string): number {
  const due = Date.parse(`${dueOn}T00:00:00Z`)
  const now = Date.parse(`${today}T00:00:00Z`)
  if (Number.isNaN(due) || Number.isNaN(now)) throw new Error(`bad date: ${dueOn} / ${today}`)
  return Math.max(0, Math.round((now - due) / DAY_MS))
}

/** The fee for one reminder about a loan on `today`. */
export function reminderFee(dueOn: string, today: string): number {
  const late = daysLate(dueOn, today)
  let cents = 0
  for (const step of FEE_STEPS) if (late >= step.fromDaysLate) cents = step.cents
  return cents
}
