import { CancelledError, type ShutdownSignal, withCancellation } from '../lib/cancellation';
import { type JobQueue, type TranscodeJob } from '../queue/job-queue';
import { type Encoder, transcode } from '../transcode/transcoder';

export const MAX_ATTEMPTS = 3;

export type WorkerLog = (line: string) => void;

export type WorkerStats = { published: number; failed: number; retried: number; cancelled: number };

/**
 * One transcoding worker. Claims jobs from the shared queue until there are none left or the
 * process shuts down. A job interrupted by the shutdown goes back to the queue for another
 * instance to pick up; jobs that already finished are not touched.
 */
export class TranscodeWorker {
  readonly stats: WorkerStats = { published: 0, failed: 0, retried: 0, cancelled: 0 };
  private readonly name: string;
  private readonly queue: JobQueue;
  private readonly encoder: Encoder;
  private readonly shutdown: ShutdownSignal;
  private readonly log: WorkerLog;

  constructor(options: { name: string; queue: JobQueue; encoder: Encoder; shutdown: ShutdownSignal; log?: WorkerLog }) {
    this.name = options.name;
    this.queue = options.queue;
    this.encoder = options.encoder;
    this.shutdown = options.shutdown;
    this.log = options.log ?? (() => {});
  }

  /** Works until the queue is empty or the process shuts down. */
  async run(): Promise<void> {
    while (!this.shutdown.triggered) {
      const job = this.queue.claim();
      if (!job) return;
      await this.process(job);
    }
  }

  private async process(job: TranscodeJob): Promise<void> {
    try {
      const rendition = await withCancellation(
        this.shutdown,
        (token) => transcode(this.encoder, job, token),
        (reason) => {
          this.queue.requeue(job.id, reason);
          this.log(`${this.name} job=${job.id} requeued reason=${reason}`);
        },
      );
      this.queue.publish(job.id, rendition);
      this.stats.published++;
      this.log(`${this.name} job=${job.id} published bytes=${rendition.bytes}`);
    } catch (error) {
      if (error instanceof CancelledError) {
        this.stats.cancelled++;
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts < MAX_ATTEMPTS) {
        this.queue.requeue(job.id, `retry after: ${message}`);
        this.stats.retried++;
      } else {
        this.queue.fail(job.id, message);
        this.stats.failed++;
      }
      this.log(`${this.name} job=${job.id} attempt=${job.attempts} error=${message}`);
    }
  }
}
