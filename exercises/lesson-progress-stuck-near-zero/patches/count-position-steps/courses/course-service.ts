import type { Catalogue } from '../catalog/lessons';
import type { EventLog } from '../logger';
import { PlaybackSession } from '../playback/session';
import type { Heartbeat } from '../playback/session';
import type { ProgressBook, WatchedSegment } from '../progress/lesson-progress';
import type { CertificateDesk } from './certificates';

export type LessonLine = { lessonId: string; title: string; percent: number; completed: boolean; resumeAtSec: number };

/** Playback and progress for learners: the API the video player and the course page use. */
export class CourseService {
  private readonly sessions = new Map<string, PlaybackSession>();
  private readonly resumeAt = new Map<string, number>();
  private readonly announced = new Set<string>();
  private readonly catalogue: Catalogue;
  private readonly progress: ProgressBook;
  private readonly certificates: CertificateDesk;
  private readonly log: EventLog;
  private sequence = 0;

  constructor(deps: { catalogue: Catalogue; progress: ProgressBook; certificates: CertificateDesk; log: EventLog }) {
    this.catalogue = deps.catalogue;
    this.progress = deps.progress;
    this.certificates = deps.certificates;
    this.log = deps.log;
  }

  /** The player opens a lesson; it continues where the learner left off. */
  startLesson(learnerId: string, lessonId: string): { sessionId: string; startAtSec: number } {
    const lesson = this.catalogue.lesson(lessonId);
    const progress = this.progress.for(learnerId, lessonId, lesson.durationSec);
    const startAtSec = this.resumeAt.get(`${learnerId}/${lessonId}`) ?? 0;
    const sessionId = `ps_${++this.sequence}`;
    const session = new PlaybackSession(
      {
        sessionId,
        learnerId,
        lessonId,
        durationSec: lesson.durationSec,
        onProgress: progress.record,
        onEnded: (segment) => this.lessonEnded(learnerId, lessonId, segment),
      },
      startAtSec,
    );
    this.sessions.set(sessionId, session);
    this.log.write('lesson_started', { learnerId, lessonId, startAtSec });
    return { sessionId, startAtSec };
  }

  heartbeat(sessionId: string, beat: Heartbeat): void {
    const session = this.session(sessionId);
    const { learnerId, lessonId, durationSec } = session.options;
    const before = session.lastPositionSec;
    session.heartbeat(beat);
    const step = beat.positionSec - before;
    if (beat.playing && step > 0 && step <= 30) this.progress.for(learnerId, lessonId, durationSec).record({ positionSec: beat.positionSec, deltaSec: step });
    this.resumeAt.set(`${session.options.learnerId}/${session.options.lessonId}`, beat.positionSec);
    this.checkCompletion(session.options.learnerId, session.options.lessonId);
  }

  /** The player reports that the video played to its end. */
  ended(sessionId: string): void {
    this.session(sessionId).end();
    this.sessions.delete(sessionId);
  }

  /** The course page: every lesson with its progress bar, and where "Continue" starts. */
  overview(learnerId: string, courseId: string): LessonLine[] {
    return this.catalogue.course(courseId).lessonIds.map((lessonId) => {
      const progress = this.progress.find(learnerId, lessonId);
      return {
        lessonId,
        title: this.catalogue.lesson(lessonId).title,
        percent: progress?.percent() ?? 0,
        completed: progress?.completedAt != null,
        resumeAtSec: this.resumeAt.get(`${learnerId}/${lessonId}`) ?? 0,
      };
    });
  }

  private lessonEnded(learnerId: string, lessonId: string, segment: WatchedSegment): void {
    const lesson = this.catalogue.lesson(lessonId);
    this.progress.for(learnerId, lessonId, lesson.durationSec).record(segment);
    this.resumeAt.delete(`${learnerId}/${lessonId}`);
    this.log.write('lesson_ended', { learnerId, lessonId });
    this.checkCompletion(learnerId, lessonId);
  }

  private checkCompletion(learnerId: string, lessonId: string): void {
    const key = `${learnerId}/${lessonId}`;
    if (this.announced.has(key) || !this.progress.find(learnerId, lessonId)?.completedAt) return;
    this.announced.add(key);
    this.log.write('lesson_completed', { learnerId, lessonId });
    const course = this.catalogue.course(this.catalogue.lesson(lessonId).courseId);
    const certificate = this.certificates.checkCourse(learnerId, course, (id) => this.progress.find(learnerId, id)?.completedAt != null);
    if (certificate) this.log.write('certificate_issued', { learnerId, courseId: course.id, certificateId: certificate.id });
  }

  private session(sessionId: string): PlaybackSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`unknown playback session ${sessionId}`);
    return session;
  }
}
