import { createReadStream } from 'node:fs';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { MlopsError } from '../util/errors.ts';

/** Opens a file as a byte stream, transparently gunzipping `*.gz`. */
export function openByteStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('error', () => undefined);
  return file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/**
 * Yields decoded UTF-8 text in chunks, with the byte-order mark removed, so a multi-byte
 * character split across reads is never mangled.
 */
export async function* readTextChunks(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  let pending = false;
  try {
    for await (const data of openByteStream(file)) {
      const chunk = data as Buffer;
      // Pure-ASCII chunks (most data files) skip UTF-8 decoding; a chunk after one that may have
      // ended mid-character still goes through the decoder, which holds that partial character.
      const ascii: boolean = !pending && isAscii(chunk);
      let text = ascii ? chunk.toString('latin1') : decoder.write(chunk);
      // The decoder can only hold a partial character if the chunk ended on a non-ASCII byte.
      pending = !ascii && chunk[chunk.length - 1] >= 0x80;
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length > 0) yield text;
    }
  } catch (err) {
    throw fileError(file, err);
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

export function fileError(file: string, err: unknown): MlopsError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new MlopsError(`${file}: no such file`);
  if (code === 'EISDIR') return new MlopsError(`${file}: is a directory, expected a data file`);
  if (code === 'EACCES') return new MlopsError(`${file}: permission denied`);
  if (code === 'Z_DATA_ERROR') return new MlopsError(`${file}: not a valid gzip file`);
  return new MlopsError(`${file}: ${(err as Error)?.message ?? String(err)}`);
}
