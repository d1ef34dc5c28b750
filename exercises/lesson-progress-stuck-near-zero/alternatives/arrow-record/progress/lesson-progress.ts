/** Share of a lesson a learner must have watched for it to count as complete. */
export const REQUIRED_SHARE = 0.9;

export type WatchedSegment = { positionSec: number; deltaSec: number };

/**
 * How much of one lesson one learner has watched. Only seconds actually played count
 * (seeking ahead does not), so `watchedSec` can be less than the furthest position.
 */
export class LessonProgress {
  readonly durationSec: number;
  readonly requiredShare: number;
  watchedSec = 0;
  furthestSec = 0;
  completedAt: string | null = null;

  constructor(durationSec: number, requiredShare = REQUIRED_SHARE) {
    this.durationSec = durationSec;
    this.requiredShare = requiredShare;
  }

  /**
   * Adds a stretch of playback that ended at `positionSec`. An arrow function, so it can be
   * handed to a playback session as its progress callback and still update this object.
   */
  readonly record = (segment: WatchedSegment): void => {
    this.watchedSec = Math.min(this.durationSec, this.watchedSec + segment.deltaSec);
    this.furthestSec = Math.max(this.furthestSec, segment.positionSec);
    if (this.completedAt === null && this.watchedSec >= this.durationSec * this.requiredShare) {
      this.completedAt = new Date().toISOString();
    }
  };

  /** What the course page's progress bar shows, 0 to 100. */
  percent(): number {
    return this.completedAt !== null ? 100 : Math.floor((this.watchedSec / this.durationSec) * 100);
  }
}

/** Every learner's progress on every lesson they have opened. */
export class ProgressBook {
  private readonly entries = new Map<string, LessonProgress>();

  for(learnerId: string, lessonId: string, durationSec: number): LessonProgress {
    const key = `${learnerId}/${lessonId}`;
    let progress = this.entries.get(key);
    if (!progress) {
      progress = new LessonProgress(durationSec);
      this.entries.set(key, progress);
    }
    return progress;
  }

  find(learnerId: string, lessonId: string): LessonProgress | undefined {
    return this.entries.get(`${learnerId}/${lessonId}`);
  }
}
