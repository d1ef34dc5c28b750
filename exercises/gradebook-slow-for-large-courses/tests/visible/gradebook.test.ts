import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createBackendClients } from '../../src/backend/clients';
import { RequestContext, type LogEntry } from '../../src/gradebook/context';
import { ForbiddenError, loadGradebook } from '../../src/gradebook/gradebook';
import { school } from './school';

function request(world: ReturnType<typeof school>, viewer = { userId: 't-kim', role: 'teacher' as const }) {
  const log: LogEntry[] = [];
  const ctx = new RequestContext({ requestId: 'req-1', viewer, clients: createBackendClients(world.transport), log });
  return { ctx, log };
}

async function timed<T>(work: Promise<T>) {
  const startedAt = Date.now();
  const settled = work.then((value) => ({ value, ms: Date.now() - startedAt }));
  await vi.runAllTimersAsync();
  return settled;
}

describe("teacher's gradebook", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-12T08:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a seminar of 12 students with their grades', async () => {
    const world = school(12);
    const { value: book } = await timed(loadGradebook(request(world).ctx, 'BIO-101'));

    expect(book.rows).toHaveLength(12);
    const row = book.rows.find((r) => r.studentId === 's-0002')!;
    expect(row).toEqual({
      studentId: 's-0002',
      name: 'Lindqvist, Farid',
      email: 's-0002@uni.example',
      cells: [
        { status: 'graded', percent: 55, late: false, gradedBy: 'Olu Adeyemi' },
        { status: 'graded', percent: 65, late: false, gradedBy: 'Olu Adeyemi' },
        { status: 'graded', percent: 56, late: false, gradedBy: 'Min-jun Kim' },
        { status: 'not-due' },
      ],
      average: 57.6,
    });
    expect(book.rows.slice(0, 3).map((r) => r.name)).toEqual(['Ahmed, Luca', 'Byrne, Jonas', 'Haddad, Eun-ji']);
  });

  it('loads the gradebook of a 300-student lecture within 500 ms', async () => {
    const world = school(300);
    const { value: book, ms } = await timed(loadGradebook(request(world).ctx, 'BIO-101'));

    expect(book.rows).toHaveLength(300);
    expect(ms).toBeLessThanOrEqual(500);
  });

  it('keeps a student who has left the university, without a name', async () => {
    const world = school(5, { leftStudents: ['s-0003'] });
    const { value: book } = await timed(loadGradebook(request(world).ctx, 'BIO-101'));

    expect(book.rows.find((r) => r.studentId === 's-0003')).toMatchObject({ name: 'Former student', email: '' });
    expect(book.rows).toHaveLength(5);
  });

  it("refuses a student who asks for the course's gradebook", async () => {
    const world = school(3);
    const result = loadGradebook(request(world, { userId: 's-0001', role: 'student' as never }).ctx, 'BIO-101');
    const assertion = expect(result).rejects.toThrow(ForbiddenError);
    await vi.runAllTimersAsync();
    await assertion;
  });
});
