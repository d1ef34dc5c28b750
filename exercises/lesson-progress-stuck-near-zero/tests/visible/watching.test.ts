import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAcademy } from '../../src/academy';

function setup() {
  const academy = createAcademy();
  academy.catalogue.addCourse({ id: 'es-a1', title: 'Spanish A1' }, [
    { id: 'es-a1-01', title: 'Saludos', durationSec: 425 },
    { id: 'es-a1-02', title: 'En el café', durationSec: 543 },
  ]);
  return academy;
}

/** Plays from `from` to `to` seconds at normal speed with a heartbeat every 10 s, as the player does. */
async function play(academy: ReturnType<typeof setup>, sessionId: string, from: number, to: number) {
  for (let position = from + 10; position <= to; position += 10) {
    await vi.advanceTimersByTimeAsync(10_000);
    academy.courses.heartbeat(sessionId, { positionSec: position, playing: true });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-21T18:00:00.000Z'));
});

describe('watching lessons', () => {
  it('completes a lesson watched from start to end', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_5012', 'es-a1-01');
    await play(academy, sessionId, 0, 425);
    await vi.advanceTimersByTimeAsync(5_000);
    academy.courses.ended(sessionId);

    const [line] = academy.courses.overview('lrn_5012', 'es-a1');
    expect([line?.percent, line?.completed]).toEqual([100, true]);
  });

  it('continues where the learner stopped', async () => {
    const academy = setup();
    const first = academy.courses.startLesson('lrn_5012', 'es-a1-02');
    await play(academy, first.sessionId, 0, 130);

    expect(academy.courses.startLesson('lrn_5012', 'es-a1-02').startAtSec).toBe(130);
    expect(academy.courses.overview('lrn_5012', 'es-a1')[1]?.resumeAtSec).toBe(130);
  });

  it('does not count a lesson the learner skipped through as watched', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_7730', 'es-a1-01');
    await vi.advanceTimersByTimeAsync(10_000);
    academy.courses.heartbeat(sessionId, { positionSec: 400, playing: true });
    academy.courses.ended(sessionId);

    expect(academy.courses.overview('lrn_7730', 'es-a1')[0]).toMatchObject({ completed: false });
    expect(academy.certificates.find('lrn_7730', 'es-a1')).toBeNull();
  });

  it('refuses a heartbeat outside the lesson and after the end', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_5012', 'es-a1-01');
    expect(() => academy.courses.heartbeat(sessionId, { positionSec: 999, playing: true })).toThrow('position 999 is outside the lesson (0-425 s)');
    academy.courses.ended(sessionId);
    expect(() => academy.courses.heartbeat(sessionId, { positionSec: 10, playing: true })).toThrow('unknown playback session ps_1');
  });
});
