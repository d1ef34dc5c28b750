// A stand-in for the identity, grading and courses services: 40 ms per request, and a record
// of every request so that tests can see what the services see.
import { type Assignment, type Course, type Submission, type Transport, type User } from '../../src/backend/clients';

export type Recorded = { service: string; path: string; ids: number; at: number };

const FAMILY = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Byrne', 'Kowalczyk', 'Rossi', 'Ahmed', 'Jensen'];
const GIVEN = ['Ada', 'Bruno', 'Chloé', 'Dev', 'Eun-ji', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Mina'];

export function school(studentCount: number, options: { courseId?: string; leftStudents?: string[] } = {}) {
  const courseId = options.courseId ?? 'BIO-101';
  const users = new Map<string, User>();
  const addUser = (id: string, givenName: string, familyName: string) => users.set(id, { id, givenName, familyName, email: `${id}@uni.example` });
  addUser('t-kim', 'Min-jun', 'Kim');
  addUser('ta-olu', 'Olu', 'Adeyemi');
  addUser('ta-maya', 'Maya', 'Fischer');
  const studentIds = Array.from({ length: studentCount }, (_, i) => `s-${String(i + 1).padStart(4, '0')}`);
  studentIds.forEach((id, i) => addUser(id, GIVEN[(i * 5) % GIVEN.length]!, FAMILY[i % FAMILY.length]!));
  for (const id of options.leftStudents ?? []) users.delete(id);

  const assignments: Assignment[] = [
    { id: 'lab-1', title: 'Lab 1', weight: 10, dueAt: '2025-12-01T23:59:00Z', maxScore: 20 },
    { id: 'lab-2', title: 'Lab 2', weight: 10, dueAt: '2025-12-15T23:59:00Z', maxScore: 20 },
    { id: 'essay', title: 'Essay', weight: 30, dueAt: '2026-01-02T23:59:00Z', maxScore: 100 },
    { id: 'exam', title: 'Exam', weight: 50, dueAt: '2026-01-30T12:00:00Z', maxScore: 60 },
  ];
  const course: Course = { id: courseId, title: 'Cell Biology', teacherIds: ['t-kim'], studentIds, assignments };
  const submissions: Submission[] = [];
  studentIds.forEach((studentId, i) => {
    submissions.push({ assignmentId: 'lab-1', studentId, submittedAt: '2025-12-01T20:00:00Z', score: 10 + (i % 11), gradedBy: i % 2 ? 'ta-olu' : 'ta-maya' });
    if (i % 9 !== 0) submissions.push({ assignmentId: 'lab-2', studentId, submittedAt: i % 5 === 0 ? '2025-12-17T09:00:00Z' : '2025-12-15T22:00:00Z', score: 12 + (i % 9), gradedBy: 'ta-olu' });
    submissions.push({ assignmentId: 'essay', studentId, submittedAt: '2026-01-02T18:00:00Z', score: i % 4 === 0 ? null : 55 + (i % 40), gradedBy: i % 4 === 0 ? null : 't-kim' });
  });

  const requests: Recorded[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: Transport = async ({ service, method, path, body }) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const ids = (body as { ids?: string[]; studentIds?: string[] } | undefined)?.ids ?? (body as { studentIds?: string[] } | undefined)?.studentIds ?? [];
    requests.push({ service, path, ids: ids.length, at: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 40));
    inFlight--;
    if (ids.length > 100) return { status: 400, body: { error: 'too many ids' } };
    if (service === 'courses' && method === 'GET') return path.endsWith(`/${courseId}`) ? { status: 200, body: structuredClone(course) } : { status: 404, body: {} };
    if (service === 'identity') return { status: 200, body: ids.filter((id) => users.has(id)).reverse().map((id) => ({ ...users.get(id)! })) };
    if (service === 'grading') return { status: 200, body: submissions.filter((s) => ids.includes(s.studentId)).reverse().map((s) => ({ ...s })) };
    return { status: 404, body: {} };
  };
  return { transport, requests, users, course, stats: () => ({ maxInFlight }) };
}
