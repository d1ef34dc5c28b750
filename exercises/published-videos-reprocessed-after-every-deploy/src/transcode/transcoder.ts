import { type CancelToken } from '../lib/cancellation';
import { type TranscodeJob } from '../queue/job-queue';

/** The encoder process, one segment at a time (ffmpeg in production). */
export type Encoder = {
  /** Encodes one segment of the video; resolves to the size of the encoded segment in bytes. */
  encodeSegment(videoId: string, preset: TranscodeJob['preset'], index: number): Promise<number>;
};

export type Rendition = { url: string; bytes: number };

export const CDN_BASE = 'https://cdn.example-video.net/renditions';

/**
 * Encodes a whole video segment by segment. Cancellation is checked between segments, so a
 * shutdown never leaves a half-written rendition behind.
 */
export async function transcode(encoder: Encoder, job: TranscodeJob, token: CancelToken): Promise<Rendition> {
  let bytes = 0;
  for (let index = 0; index < job.segments; index++) {
    token.throwIfCancelled();
    bytes += await encoder.encodeSegment(job.videoId, job.preset, index);
  }
  token.throwIfCancelled();
  return { url: `${CDN_BASE}/${job.videoId}/${job.preset}/index.m3u8`, bytes };
}
