import { type Course, type User } from '../backend/clients';
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

async function studentRow(ctx: RequestContext, course: Course, studentId: string): Promise<GradebookRow> {
  const [student, submissions = []] = await Promise.all([
    ctx.loaders.users.load(studentId),
    ctx.loaders.submissions.load(`${course.id}/${studentId}`),
  ]);
  const graderIds = [...new Set(submissions.map((submission) => submission.gradedBy).filter((id): id is string => id !== null))];
  const graderUsers = await ctx.loaders.users.loadMany(graderIds);
  const graderNames = new Map(graderIds.map((id, index) => [id, graderUsers[index]]));
  const byAssignment = new Map(submissions.map((submission) => [submission.assignmentId, submission]));

  const now = Date.now();
  const cells = course.assignments.map((assignment) => {
    const submission = byAssignment.get(assignment.id);
    const grader = submission?.gradedBy ? graderNames.get(submission.gradedBy) : undefined;
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

  const rows = await Promise.all(course.studentIds.map((studentId) => studentRow(ctx.child({ studentId }), course, studentId)));
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
