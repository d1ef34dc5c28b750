import { type Assignment, type Submission } from '../backend/clients';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Late work loses 10% of its score per started day, and is worth nothing after 3 days. */
const LATE_PENALTY_PER_DAY = 0.1;
const LATE_LIMIT_DAYS = 3;

export type Cell =
  | { status: 'graded'; percent: number; late: boolean; gradedBy: string }
  | { status: 'ungraded' }
  | { status: 'missing' }
  | { status: 'not-due' };

/** One gradebook cell. `now` decides whether an assignment without a submission is missing yet. */
export function cellFor(assignment: Assignment, submission: Submission | undefined, graderName: string, now: number): Cell {
  if (!submission || submission.submittedAt === null) {
    return Date.parse(assignment.dueAt) <= now ? { status: 'missing' } : { status: 'not-due' };
  }
  if (submission.score === null) return { status: 'ungraded' };
  const lateMs = Date.parse(submission.submittedAt) - Date.parse(assignment.dueAt);
  const lateDays = lateMs > 0 ? Math.ceil(lateMs / DAY_MS) : 0;
  const factor = lateDays > LATE_LIMIT_DAYS ? 0 : 1 - lateDays * LATE_PENALTY_PER_DAY;
  const percent = Math.round(((submission.score * factor) / assignment.maxScore) * 1000) / 10;
  return { status: 'graded', percent, late: lateDays > 0, gradedBy: graderName };
}

/** Weighted average of the graded and missing cells (missing counts as 0); null when there are none. */
export function weightedAverage(assignments: Assignment[], cells: Cell[]): number | null {
  let weighted = 0;
  let weights = 0;
  assignments.forEach((assignment, index) => {
    const cell = cells[index];
    if (cell?.status === 'graded') weighted += cell.percent * assignment.weight;
    if (cell?.status === 'graded' || cell?.status === 'missing') weights += assignment.weight;
  });
  return weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
}
