import type { WatchedSegment } from '../progress/lesson-progress';

/** Fastest playback speed the player offers; faster progress than this is a seek. */
export const MAX_PLAYBACK_RATE = 2;
/** Allowance for heartbeats that arrive a little late. */
const SLACK_SEC = 3;

export type Heartbeat = { positionSec: number; playing: boolean };

export type SessionOptions = {
  sessionId: string;
  learnerId: string;
  lessonId: string;
  durationSec: number;
  /** Called for every stretch of real playback between two heartbeats. */
  onProgress: (segment: WatchedSegment) => void;
  /** Called once when the player reports the end of the video. */
  onEnded: (segment: WatchedSegment) => void;
};

export class SessionEndedError extends Error {
  constructor(sessionId: string) {
    super(`session ${sessionId} has ended`);
    this.name = 'SessionEndedError';
  }
}

/**
 * One viewing of a lesson. The player sends a heartbeat every 10 seconds with its
 * position; the session works out how many of those seconds were actually watched.
 */
export class PlaybackSession {
  readonly options: SessionOptions;
  lastPositionSec: number;
  private lastBeatAt: number;
  private ended = false;

  constructor(options: SessionOptions, startAtSec = 0) {
    this.options = options;
    this.lastPositionSec = startAtSec;
    this.lastBeatAt = Date.now();
  }

  heartbeat(beat: Heartbeat): void {
    if (this.ended) throw new SessionEndedError(this.options.sessionId);
    if (!(beat.positionSec >= 0 && beat.positionSec <= this.options.durationSec)) {
      throw new RangeError(`position ${beat.positionSec} is outside the lesson (0-${this.options.durationSec} s)`);
    }
    const segment = this.advanceTo(beat.positionSec, beat.playing);
    if (segment) this.options.onProgress(segment);
  }

  /** The player reached the end of the video. */
  end(): void {
    if (this.ended) return;
    const segment = this.advanceTo(this.options.durationSec, true) ?? { positionSec: this.options.durationSec, deltaSec: 0 };
    this.ended = true;
    this.options.onEnded(segment);
  }

  /** Moves to `positionSec`; returns the stretch watched since the last heartbeat, if any. */
  private advanceTo(positionSec: number, playing: boolean): WatchedSegment | null {
    const now = Date.now();
    const elapsedSec = (now - this.lastBeatAt) / 1000;
    const deltaSec = positionSec - this.lastPositionSec;
    this.lastPositionSec = positionSec;
    this.lastBeatAt = now;
    if (!playing || deltaSec <= 0 || deltaSec > elapsedSec * MAX_PLAYBACK_RATE + SLACK_SEC) return null;
    return { positionSec, deltaSec };
  }
}
