import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAcademy } from '../../src/academy';

function setup() {
  const academy = createAcademy();
  academy.catalogue.addCourse({ id: 'de-b1', title: 'German B1' }, [
    { id: 'de-b1-01', title: 'Wohnungssuche', durationSec: 543 },
    { id: 'de-b1-02', title: 'Beim Arzt', durationSec: 311 },
  ]);
  return academy;
}

type Academy = ReturnType<typeof setup>;

/** Heartbeats every 10 s, the position moving `step` seconds each time (10 = normal speed). */
async function beats(academy: Academy, sessionId: string, from: number, count: number, step = 10, playing = true) {
  let position = from;
  for (let i = 0; i < count; i++) {
    await vi.advanceTimersByTimeAsync(10_000);
    if (playing) position += step;
    academy.courses.heartbeat(sessionId, { positionSec: position, playing });
  }
  return position;
}

const line = (academy: Academy, learner: string, index: number) => academy.courses.overview(learner, 'de-b1')[index];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-02-11T19:00:00.000Z'));
});

describe('lesson progress', () => {
  // Stated in README.md: "The progress bar shows the share of the lesson watched so far"
  it('shows the share watched while the lesson is playing', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_1', 'de-b1-01');
    await beats(academy, sessionId, 0, 30);

    expect(line(academy, 'lrn_1', 0)).toMatchObject({ percent: 55, completed: false, resumeAtSec: 300 });
  });

  // Stated in README.md: "A lesson counts as complete once the learner has watched 90 % of it; it does not have to be played to the very end."
  it('completes a lesson closed after 92 % without reaching the end', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_2', 'de-b1-02');
    await beats(academy, sessionId, 0, 29);

    expect(line(academy, 'lrn_2', 1)).toMatchObject({ percent: 100, completed: true });
    expect(academy.log.count('lesson_completed')).toBe(1);
  });

  // Stated in README.md: "The progress bar shows the share of the lesson watched so far, across all the learner's viewings."
  it('adds up viewings on different days', async () => {
    const academy = setup();
    const first = academy.courses.startLesson('lrn_3', 'de-b1-01');
    await beats(academy, first.sessionId, 0, 20);
    vi.setSystemTime(new Date('2026-02-12T07:30:00.000Z'));
    const second = academy.courses.startLesson('lrn_3', 'de-b1-01');
    expect(second.startAtSec).toBe(200);
    await beats(academy, second.sessionId, 200, 30);

    expect(line(academy, 'lrn_3', 0)).toMatchObject({ completed: true, percent: 100 });
  });

  // Stated in README.md: "Only time actually spent playing counts: pausing, and skipping ahead faster than the player's fastest speed (2×), do not."
  it('does not count paused time', async () => {
    const academy = setup();
    const { sessionId } = academy.courses.startLesson('lrn_4', 'de-b1-02');
    const at = await beats(academy, sessionId, 0, 6);
    await beats(academy, sessionId, at, 60, 10, false);

    expect(line(academy, 'lrn_4', 1)).toMatchObject({ percent: 19, completed: false });
  });

  // Stated in README.md: "Only time actually spent playing counts: pausing, and skipping ahead faster than the player's fastest speed (2×), do not."
  it('counts double speed but not skimming faster than that', async () => {
    const academy = setup();
    const fast = academy.courses.startLesson('lrn_5', 'de-b1-02');
    await beats(academy, fast.sessionId, 0, 15, 20);
    const skim = academy.courses.startLesson('lrn_6', 'de-b1-01');
    await beats(academy, skim.sessionId, 0, 20, 25);

    expect(line(academy, 'lrn_5', 1)).toMatchObject({ completed: true });
    expect(line(academy, 'lrn_6', 0)).toMatchObject({ percent: 0, completed: false });
  });

  // Stated in README.md: "A course certificate is issued as soon as every lesson of the course is complete."
  it('issues the certificate when the last lesson is complete', async () => {
    const academy = setup();
    const one = academy.courses.startLesson('lrn_7', 'de-b1-01');
    await beats(academy, one.sessionId, 0, 50);
    expect(academy.certificates.find('lrn_7', 'de-b1')).toBeNull();
    const two = academy.courses.startLesson('lrn_7', 'de-b1-02');
    await beats(academy, two.sessionId, 0, 31);
    await vi.advanceTimersByTimeAsync(1_000);
    academy.courses.ended(two.sessionId);

    expect(academy.certificates.find('lrn_7', 'de-b1')).toMatchObject({ learnerId: 'lrn_7', courseId: 'de-b1' });
    expect(academy.log.count('certificate_issued')).toBe(1);
  });
});
