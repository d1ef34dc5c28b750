import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { ShutdownSignal } from '../../src/lib/cancellation';
import { TranscodeWorker } from '../../src/worker/worker';
import { SEGMENT_MS, fakeEncoder, queueWith } from './farm';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T14:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('transcoding worker', () => {
  it('hands back only the job it was working on when the instance is deployed over', async () => {
    const queue = queueWith(7);
    const shutdown = new ShutdownSignal();
    const lines: string[] = [];
    const worker = new TranscodeWorker({ name: 'tw-1', queue, encoder: fakeEncoder(), shutdown, log: (line) => lines.push(line) });

    const running = worker.run();
    await vi.advanceTimersByTimeAsync(6 * 4 * SEGMENT_MS + 3_000); // six jobs done, the seventh half-way
    shutdown.trigger('deploy');
    await vi.advanceTimersByTimeAsync(10_000);
    await running;

    expect(queue.countBy('published')).toBe(6);
    expect(queue.get('job-vid-7')?.status).toBe('queued');
    expect(lines.filter((line) => line.includes('requeued'))).toEqual(['tw-1 job=job-vid-7 requeued reason=deploy']);
  });

  it('publishes a rendition for every job in the queue', async () => {
    const queue = queueWith(3, 2);
    const worker = new TranscodeWorker({ name: 'tw-2', queue, encoder: fakeEncoder(), shutdown: new ShutdownSignal() });
    const running = worker.run();
    await vi.advanceTimersByTimeAsync(60_000);
    await running;
    expect(queue.get('job-vid-2')).toMatchObject({
      status: 'published',
      output: { url: 'https://cdn.example-video.net/renditions/vid-1002/720p/index.m3u8', bytes: 301_000 },
      history: ['queued', 'claimed', 'published'],
    });
    expect(worker.stats).toEqual({ published: 3, failed: 0, retried: 0, cancelled: 0 });
  });

  it('retries a job whose encoder crashed, up to three attempts', async () => {
    const queue = queueWith(2, 1);
    const worker = new TranscodeWorker({ name: 'tw-3', queue, encoder: fakeEncoder({ 'vid-1001': 2, 'vid-1002': 5 }), shutdown: new ShutdownSignal() });
    const running = worker.run();
    await vi.advanceTimersByTimeAsync(60_000);
    await running;
    expect(queue.get('job-vid-1')?.status).toBe('published');
    expect(queue.get('job-vid-2')).toMatchObject({ status: 'failed', attempts: 3, error: 'ffmpeg exited with code 1 on vid-1002' });
  });

  it('re-encodes a published video when an operator asks for a re-run', async () => {
    const queue = queueWith(1, 1);
    const worker = new TranscodeWorker({ name: 'tw-4', queue, encoder: fakeEncoder(), shutdown: new ShutdownSignal() });
    const first = worker.run();
    await vi.advanceTimersByTimeAsync(5_000);
    await first;
    queue.requeue('job-vid-1', 'operator re-run');
    const second = worker.run();
    await vi.advanceTimersByTimeAsync(5_000);
    await second;
    expect(queue.get('job-vid-1')?.history).toEqual(['queued', 'claimed', 'published', 'requeued: operator re-run', 'claimed', 'published']);
  });

  it('claims nothing once the instance is shutting down', async () => {
    const queue = queueWith(2);
    const shutdown = new ShutdownSignal();
    shutdown.trigger('scale-in');
    await new TranscodeWorker({ name: 'tw-5', queue, encoder: fakeEncoder(), shutdown }).run();
    expect(queue.countBy('queued')).toBe(2);
  });
});
