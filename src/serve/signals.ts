import type { EventEmitter } from 'node:events';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Resolves `received` with the first shutdown signal the process gets. Listening replaces Node's
 * default (exit at once), which is what lets in-flight requests finish. The listeners go when a
 * signal arrives or on `stop()` (startup failed: give the signals back their default).
 */
export function nextShutdownSignal(proc: EventEmitter, signals: readonly string[] = SHUTDOWN_SIGNALS): { received: Promise<string>; stop: () => void } {
  let stop = () => {};
  const received = new Promise<string>((resolve) => {
    const handlers = signals.map((signal) => [signal, () => (stop(), resolve(signal))] as const);
    stop = () => handlers.forEach(([s, h]) => proc.off(s, h));
    handlers.forEach(([s, h]) => proc.on(s, h));
  });
  return { received, stop };
}
