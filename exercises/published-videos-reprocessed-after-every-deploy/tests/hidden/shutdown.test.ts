import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { ShutdownSignal } from '../../src/lib/cancellation';
import { TranscodeWorker } from '../../src/worker/worker';
import { JobQueue } from '../../src/queue/job-queue';
import { SEGMENT_MS, fakeEncoder, queueWith } from '../visible/farm';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-08T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function requeues(queue: JobQueue, ids: string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, (queue.get(id)?.history ?? []).filter((entry) => entry.startsWith('requeued')).length]));
}

describe('shutting down a busy instance', () => {
  // Stated in src/worker/worker.ts: "A job interrupted by the shutdown goes back to the queue for another"
  // Stated in src/worker/worker.ts: "jobs that already finished are not touched"
  it('hands back exactly the jobs in flight when several workers share the process', async () => {
    const queue = queueWith(40, 3);
    const shutdown = new ShutdownSignal();
    const encoder = fakeEncoder();
    const workers = ['tw-a', 'tw-b', 'tw-c', 'tw-d'].map((name) => new TranscodeWorker({ name, queue, encoder, shutdown }));
    const runs = workers.map((worker) => worker.run());
    await vi.advanceTimersByTimeAsync(5 * 3 * SEGMENT_MS + 1_000);
    const inFlight = Array.from({ length: 40 }, (_, i) => `job-vid-${i + 1}`).filter((id) => queue.get(id)?.status === 'running');
    expect(inFlight).toHaveLength(4);
    shutdown.trigger('deploy');
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(runs);

    expect(queue.countBy('published')).toBe(20);
    expect(queue.countBy('running')).toBe(0);
    for (const id of inFlight) expect(queue.get(id)?.history.slice(-1)).toEqual(['requeued: deploy']);
    const all = Array.from({ length: 40 }, (_, i) => `job-vid-${i + 1}`);
    const handedBack = all.filter((id) => requeues(queue, [id])[id]! > 0);
    expect(handedBack.sort()).toEqual([...inFlight].sort());
  });

  // Stated in src/worker/worker.ts: "jobs that already finished are not touched"
  it('leaves failed and re-run jobs alone at shutdown', async () => {
    const queue = queueWith(3, 1);
    const shutdown = new ShutdownSignal();
    const worker = new TranscodeWorker({ name: 'tw-e', queue, encoder: fakeEncoder({ 'vid-1002': 9 }), shutdown });
    const first = worker.run();
    await vi.advanceTimersByTimeAsync(60_000);
    await first;
    queue.requeue('job-vid-3', 'operator re-run');
    const second = worker.run();
    await vi.advanceTimersByTimeAsync(60_000);
    await second;
    shutdown.trigger('deploy');
    expect(queue.get('job-vid-2')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(queue.get('job-vid-1')?.history).toEqual(['queued', 'claimed', 'published']);
    expect(queue.get('job-vid-3')?.history).toEqual(['queued', 'claimed', 'published', 'requeued: operator re-run', 'claimed', 'published']);
  });

  // Stated in src/lib/cancellation.ts: "Nothing stays registered on the shutdown signal once `work` has settled."
  // Stated in src/lib/cancellation.ts: "unregisters as soon as that work is over, because the signal lives as long"
  it('keeps nothing registered on the shutdown signal between jobs', async () => {
    const queue = queueWith(30, 1);
    const shutdown = new ShutdownSignal();
    const worker = new TranscodeWorker({ name: 'tw-f', queue, encoder: fakeEncoder({ 'vid-1004': 1 }), shutdown });
    const running = worker.run();
    await vi.advanceTimersByTimeAsync(SEGMENT_MS / 2);
    const whileWorking = shutdown.listenerCount('shutdown');
    await vi.advanceTimersByTimeAsync(120_000);
    await running;
    expect(queue.countBy('published')).toBe(30);
    expect(whileWorking).toBeLessThanOrEqual(1);
    expect(shutdown.listenerCount('shutdown')).toBe(0);
  });

  // Stated in src/lib/cancellation.ts: "Nothing stays registered on the shutdown signal once `work` has settled."
  it('does not call back for work that ended long before the shutdown', async () => {
    const queue = queueWith(12, 2, 'lecture');
    const shutdown = new ShutdownSignal();
    const lines: string[] = [];
    const worker = new TranscodeWorker({ name: 'tw-g', queue, encoder: fakeEncoder(), shutdown, log: (line) => lines.push(line) });
    const running = worker.run();
    await vi.advanceTimersByTimeAsync(12 * 2 * SEGMENT_MS);
    await running;
    await vi.advanceTimersByTimeAsync(6 * 3_600_000);
    shutdown.trigger('scale-in');
    expect(lines.filter((line) => line.includes('requeued'))).toEqual([]);
    expect(queue.countBy('queued')).toBe(0);
    expect(worker.stats).toEqual({ published: 12, failed: 0, retried: 0, cancelled: 0 });
  });
});
