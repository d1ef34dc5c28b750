export type JobStatus = 'queued' | 'running' | 'published' | 'failed';

export type TranscodeJob = {
  id: string;
  videoId: string;
  preset: '480p' | '720p' | '1080p';
  segments: number;
  status: JobStatus;
  attempts: number;
  output?: { url: string; bytes: number };
  error?: string;
  /** What happened to the job, oldest first ("claimed", "published", "requeued: shutdown", ...). */
  history: string[];
};

export type NewJob = Pick<TranscodeJob, 'id' | 'videoId' | 'preset' | 'segments'>;

/** In-memory stand-in for the jobs table the transcoding workers share. */
export class JobQueue {
  private readonly jobs = new Map<string, TranscodeJob>();

  add(job: NewJob): TranscodeJob {
    if (this.jobs.has(job.id)) throw new Error(`job ${job.id} exists`);
    if (!Number.isInteger(job.segments) || job.segments < 1) throw new Error(`job ${job.id} needs at least one segment`);
    const stored: TranscodeJob = { ...job, status: 'queued', attempts: 0, history: ['queued'] };
    this.jobs.set(job.id, stored);
    return stored;
  }

  /** The oldest queued job, now marked running, or undefined if there is none. */
  claim(): TranscodeJob | undefined {
    for (const job of this.jobs.values()) {
      if (job.status !== 'queued') continue;
      job.status = 'running';
      job.attempts += 1;
      job.history.push('claimed');
      return job;
    }
    return undefined;
  }

  publish(id: string, output: { url: string; bytes: number }): void {
    const job = this.require(id);
    job.status = 'published';
    job.output = output;
    job.history.push('published');
  }

  /**
   * Puts a job back in the queue: after a shutdown, for a retry, or because an operator asked
   * for a re-run of a published video (new presets, a corrupted rendition).
   */
  requeue(id: string, reason: string): void {
    const job = this.require(id);
    job.status = 'queued';
    delete job.error;
    job.history.push(`requeued: ${reason}`);
  }

  fail(id: string, error: string): void {
    const job = this.require(id);
    job.status = 'failed';
    job.error = error;
    job.history.push(`failed: ${error}`);
  }

  get(id: string): TranscodeJob | undefined {
    return this.jobs.get(id);
  }

  countBy(status: JobStatus): number {
    let count = 0;
    for (const job of this.jobs.values()) if (job.status === status) count++;
    return count;
  }

  private require(id: string): TranscodeJob {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    return job;
  }
}
