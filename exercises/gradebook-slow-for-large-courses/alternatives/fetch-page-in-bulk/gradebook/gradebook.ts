import { type Course, type Submission, type User, MAX_IDS_PER_REQUEST } from '../backend/clients';
import { type RequestContext } from './context';
import { type Cell, cellFor, weightedAverage } from './grades';

export type GradebookRow = { studentId: string; name: string; email: string; cells: Cell[]; average: number | null };

export type Gradebook = {
  course: { id: string; title: string; assignments: Array<{ id: string; title: string; weight: number }> };
  rows: GradebookRow[];
  classAverage: number | null;
};

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

const displayName = (user: User | undefined, fallback: string) => (user ? `${user.familyName}, ${user.givenName}` : fallback);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Reads the page's students, their submissions and their graders with a few batched requests. */
async function fetchPage(ctx: RequestContext, course: Course) {
  const usersById = new Map<string, User>();
  const fetchUsers = async (ids: string[]) => {
    const missing = ids.filter((id) => !usersById.has(id));
    const batches = await Promise.all(chunks(missing, MAX_IDS_PER_REQUEST).map((batch) => ctx.clients.identity.getUsers(batch)));
    for (const user of batches.flat()) usersById.set(user.id, user);
  };
  const [, submissionBatches] = await Promise.all([
    fetchUsers(course.studentIds),
    Promise.all(chunks(course.studentIds, MAX_IDS_PER_REQUEST).map((batch) => ctx.clients.grading.getSubmissions(course.id, batch))),
  ]);
  const submissionsByStudent = new Map<string, Submission[]>();
  for (const submission of submissionBatches.flat()) {
    submissionsByStudent.set(submission.studentId, [...(submissionsByStudent.get(submission.studentId) ?? []), submission]);
  }
  const graderIds = [...new Set([...submissionsByStudent.values()].flat().map((s) => s.gradedBy).filter((id): id is string => id !== null))];
  await fetchUsers(graderIds);
  return { usersById, submissionsByStudent };
}

function studentRow(ctx: RequestContext, course: Course, studentId: string, page: Awaited<ReturnType<typeof fetchPage>>): GradebookRow {
  const student = page.usersById.get(studentId);
  const submissions = page.submissionsByStudent.get(studentId) ?? [];
  const byAssignment = new Map(submissions.map((submission) => [submission.assignmentId, submission]));
  const now = Date.now();
  const cells = course.assignments.map((assignment) => {
    const submission = byAssignment.get(assignment.id);
    const grader = submission?.gradedBy ? page.usersById.get(submission.gradedBy) : undefined;
    return cellFor(assignment, submission, grader ? `${grader.givenName} ${grader.familyName}` : 'Unknown grader', now);
  });
  if (!student) ctx.info('student not found in identity service', { studentId });
  return {
    studentId,
    name: displayName(student, 'Former student'),
    email: student?.email ?? '',
    cells,
    average: weightedAverage(course.assignments, cells),
  };
}

/** The teacher's gradebook for a course: one row per enrolled student, sorted by name. */
export async function loadGradebook(ctx: RequestContext, courseId: string): Promise<Gradebook> {
  const startedAt = Date.now();
  const course = await ctx.clients.courses.getCourse(courseId);
  const allowed = ctx.viewer.role === 'admin' || (ctx.viewer.role !== 'student' && course.teacherIds.includes(ctx.viewer.userId));
  if (!allowed) throw new ForbiddenError(`${ctx.viewer.userId} may not see the gradebook of ${courseId}`);

  const page = await fetchPage(ctx, course);
  const rows = course.studentIds.map((studentId) => studentRow(ctx.child({ studentId }), course, studentId, page));
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId));

  const averages = rows.map((row) => row.average).filter((average): average is number => average !== null);
  const classAverage = averages.length === 0 ? null : Math.round((averages.reduce((sum, value) => sum + value, 0) / averages.length) * 10) / 10;
  ctx.info('gradebook served', { courseId, students: rows.length, ms: Date.now() - startedAt });
  return {
    course: { id: course.id, title: course.title, assignments: course.assignments.map(({ id, title, weight }) => ({ id, title, weight })) },
    rows,
    classAverage,
  };
}
