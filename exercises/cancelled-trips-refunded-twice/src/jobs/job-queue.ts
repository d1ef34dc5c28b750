import { type Log } from '../log';

export type Job<P> = {
  id: string;
  payload: P;
  attempts: number;
  lastError?: string;
};

/** Thrown by a handler when trying again cannot help; the job goes straight to the dead letters. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export type JobHandler<P> = (payload: P, job: Job<P>) => Promise<unknown>;

/** A job that throws is retried after 30 s, 2 min, 10 min and 30 min, then dead-lettered. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000];

/**
 * The cancellations queue: runs one job at a time, in arrival order. In production each
 * attempt is picked up by whichever worker instance is free, so consecutive attempts of
 * one job may run on different instances.
 */
export class JobQueue<P> {
  private readonly ready: Job<P>[] = [];
  private readonly dead: Job<P>[] = [];
  private running = false;
  private waiting = 0;
  private sequence = 0;
  private readonly handler: JobHandler<P>;
  private readonly log: Log;

  constructor(handler: JobHandler<P>, log: Log) {
    this.handler = handler;
    this.log = log;
  }

  enqueue(payload: P): string {
    this.sequence += 1;
    const job: Job<P> = { id: `job_${this.sequence}`, payload, attempts: 0 };
    this.ready.push(job);
    void this.pump();
    return job.id;
  }

  deadLetters(): Job<P>[] {
    return this.dead.map((job) => ({ ...job }));
  }

  /** True when no job is running, waiting for a retry or ready to run. */
  isIdle(): boolean {
    return !this.running && this.waiting === 0 && this.ready.length === 0;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.ready.shift(); job; job = this.ready.shift()) await this.attempt(job);
    } finally {
      this.running = false;
    }
  }

  private async attempt(job: Job<P>): Promise<void> {
    job.attempts += 1;
    try {
      await this.handler(job.payload, job);
      this.log.line(`${job.id} done attempt=${job.attempts}`);
    } catch (error) {
      job.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const delay = RETRY_DELAYS_MS[job.attempts - 1];
      if (error instanceof PermanentJobError || delay === undefined) {
        this.dead.push(job);
        this.log.line(`${job.id} dead attempt=${job.attempts} error="${job.lastError}"`);
        return;
      }
      this.log.line(`${job.id} failed attempt=${job.attempts} retryIn=${delay / 1000}s error="${job.lastError}"`);
      this.waiting += 1;
      setTimeout(() => {
        this.waiting -= 1;
        this.ready.push(job);
        void this.pump();
      }, delay);
    }
  }
}
