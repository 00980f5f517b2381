import type { EventEmitter } from 'node:events';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Resolves with the first shutdown signal the process receives. Listening replaces Node's default
 * (exit at once), which is what lets in-flight requests finish; the listeners go when it resolves.
 */
export function nextShutdownSignal(proc: EventEmitter, signals: readonly string[] = SHUTDOWN_SIGNALS): Promise<string> {
  return new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = () => {
        handlers.forEach(([s, h]) => proc.off(s, h));
        resolve(signal);
      };
      proc.on(signal, handler);
      return [signal, handler] as const;
    });
  });
}
