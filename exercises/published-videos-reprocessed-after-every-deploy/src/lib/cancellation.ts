import { Emitter } from './emitter';

export class CancelledError extends Error {
  constructor(reason: string) {
    super(`cancelled: ${reason}`);
    this.name = 'CancelledError';
  }
}

/**
 * Process-wide shutdown signal. The SIGTERM handler triggers it when a deploy or a scale-in
 * stops this instance; whoever is in the middle of something cancellable registers for
 * 'shutdown' and unregisters as soon as that work is over, because the signal lives as long
 * as the process does.
 */
export class ShutdownSignal extends Emitter<{ shutdown: string }> {
  reason: string | null = null;

  get triggered(): boolean {
    return this.reason !== null;
  }

  trigger(reason: string): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.emit('shutdown', reason);
    this.removeAllListeners('shutdown');
  }
}

/** Handed to cancellable work; checked between steps. */
export class CancelToken {
  reason: string | null = null;

  cancel(reason: string): void {
    this.reason ??= reason;
  }

  throwIfCancelled(): void {
    if (this.reason !== null) throw new CancelledError(this.reason);
  }
}

/**
 * Runs `work` with a token that is cancelled if the process shuts down meanwhile; `onCancel`
 * runs at that moment (to hand the work back, for example).
 * Nothing stays registered on the shutdown signal once `work` has settled.
 */
export async function withCancellation<T>(shutdown: ShutdownSignal, work: (token: CancelToken) => Promise<T>, onCancel: (reason: string) => void): Promise<T> {
  const token = new CancelToken();
  if (shutdown.reason !== null) token.cancel(shutdown.reason);
  const cancel = (reason: string) => {
    token.cancel(reason);
    onCancel(reason);
  };
  shutdown.once('shutdown', cancel);
  try {
    return await work(token);
  } finally {
    shutdown.off('shutdown', cancel);
  }
}
