import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIO } from '../src/cli/command.ts';
import { runCli } from '../src/cli/run.ts';
import type { ReadOptions, RowBatch } from '../src/data/batch.ts';
import { readBatches } from '../src/data/read.ts';

/** A fresh temporary directory per call. */
export function tempDir(prefix = 'mlops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `content` to a new temp file with the given name and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

export async function readAll(file: string, options?: ReadOptions): Promise<{ columns: readonly string[]; rows: RowBatch['rows']; batches: RowBatch[] }> {
  const batches: RowBatch[] = [];
  for await (const b of readBatches(file, options)) batches.push(b);
  return { columns: batches.at(-1)?.columns ?? [], rows: batches.flatMap((b) => b.rows), batches };
}

/** Runs the CLI in-process and captures what it prints. */
export async function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; now?: Date } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (d) => out.push(d));
  stderr.on('data', (d) => err.push(d));
  const io: CliIO = {
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: () => options.now ?? new Date('2026-01-01T00:00:00Z'),
  };
  const code = await runCli(args, io);
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}
