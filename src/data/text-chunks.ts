import { createReadStream } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { DataError, fileError, MlopsError } from '../util/errors.ts';

/** Opens a file as a byte stream, transparently gunzipping `*.gz`. */
export function openByteStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('error', () => undefined);
  return file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** Bytes that are not UTF-8, found at `offset` bytes into the file. */
export class InvalidUtf8Error extends MlopsError {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly bytes: string,
  ) {
    super(`${file}: invalid UTF-8 (byte ${bytes} at offset ${offset}); re-save the file as UTF-8`);
    this.name = 'InvalidUtf8Error';
  }
}

/**
 * Yields decoded UTF-8 text in chunks, with the byte-order mark removed, so a multi-byte
 * character split across reads is never mangled. Bytes that are not UTF-8 are an error, not
 * U+FFFD: the text before them is yielded first, so a reader can name the line (see withLineOfBadUtf8).
 */
export async function* readTextChunks(file: string): AsyncGenerator<string> {
  let first = true;
  let carry: Buffer | null = null;
  let offset = 0;
  const emit = (text: string): string => {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    return text;
  };
  try {
    for await (const data of openByteStream(file)) {
      let chunk = data as Buffer;
      // Pure-ASCII chunks (most data files) skip UTF-8 validation and decoding.
      if (carry === null && isAscii(chunk)) {
        const text = emit(chunk.toString('latin1'));
        offset += chunk.length;
        if (text.length > 0) yield text;
        continue;
      }
      if (carry !== null) chunk = Buffer.concat([carry, chunk]);
      const complete = completeLength(chunk);
      const body = chunk.subarray(0, complete);
      carry = complete < chunk.length ? Buffer.from(chunk.subarray(complete)) : null;
      if (!isUtf8(body)) {
        const bad = firstInvalidByte(body);
        const text = emit(body.subarray(0, bad).toString('utf8'));
        if (text.length > 0) yield text;
        throw new InvalidUtf8Error(file, offset + bad, `0x${body[bad].toString(16).padStart(2, '0')}`);
      }
      const text = emit(body.toString('utf8'));
      offset += complete;
      if (text.length > 0) yield text;
    }
  } catch (err) {
    if (err instanceof InvalidUtf8Error) throw err;
    throw fileError(file, err);
  }
  if (carry !== null) throw new InvalidUtf8Error(file, offset, `0x${carry[0].toString(16).padStart(2, '0')} (a character cut off at the end of the file)`);
}

/**
 * Turns an InvalidUtf8Error from `chunks` into a DataError naming the line: `lineAt` is called
 * when it is thrown, after the reader consumed every chunk before the bad byte.
 */
export async function* withLineOfBadUtf8(chunks: AsyncGenerator<string>, lineAt: () => number): AsyncGenerator<string> {
  try {
    yield* chunks;
  } catch (err) {
    if (err instanceof InvalidUtf8Error)
      throw new DataError(err.file, `invalid UTF-8 (byte ${err.bytes} at byte offset ${err.offset.toLocaleString('en-US')}); re-save the file as UTF-8`, {
        line: lineAt(),
      });
    throw err;
  }
}

/** Length of the prefix of `b` that does not end inside a multi-byte sequence. */
function completeLength(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back];
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8 (only called on a buffer isUtf8 rejected). */
function firstInvalidByte(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      // Overlong, surrogate and beyond-U+10FFFF forms are invalid in the second byte already.
      if (k === 1 && ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f))) return i;
    }
    i += need + 1;
  }
  return b.length;
}
