import type { Writable } from 'node:stream';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, msg: string, fields?: LogFields): void;
}

/**
 * One JSON object per line (time, level, msg, then fields) so log shippers index fields without
 * parsing prose. Lines below `level` are dropped before any formatting work.
 */
export function jsonLogger(out: Writable, options: { level?: LogLevel; now?: () => Date } = {}): Logger {
  const min = LOG_LEVELS.indexOf(options.level ?? 'info');
  const now = options.now ?? (() => new Date());
  return {
    log(level, msg, fields) {
      if (LOG_LEVELS.indexOf(level) < min) return;
      out.write(JSON.stringify({ time: now().toISOString(), level, msg, ...fields }) + '\n');
    },
  };
}

export const silentLogger: Logger = { log() {} };
