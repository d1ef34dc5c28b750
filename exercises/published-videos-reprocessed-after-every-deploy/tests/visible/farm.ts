import { type Encoder } from '../../src/transcode/transcoder';
import { JobQueue } from '../../src/queue/job-queue';

export const SEGMENT_MS = 2_000;

/** A fake encoder: each segment takes two seconds; `failures` makes a video's segment 0 fail that many times. */
export function fakeEncoder(failures: Record<string, number> = {}): Encoder & { encoded: string[] } {
  const remaining = { ...failures };
  const encoded: string[] = [];
  return {
    encoded,
    encodeSegment(videoId, preset, index) {
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          if (index === 0 && (remaining[videoId] ?? 0) > 0) {
            remaining[videoId]! -= 1;
            reject(new Error(`ffmpeg exited with code 1 on ${videoId}`));
            return;
          }
          encoded.push(`${videoId}/${preset}/${index}`);
          resolve(150_000 + index * 1_000);
        }, SEGMENT_MS);
      });
    },
  };
}

export function queueWith(count: number, segments = 4, prefix = 'vid'): JobQueue {
  const queue = new JobQueue();
  for (let i = 1; i <= count; i++) queue.add({ id: `job-${prefix}-${i}`, videoId: `${prefix}-${1_000 + i}`, preset: '720p', segments });
  return queue;
}
