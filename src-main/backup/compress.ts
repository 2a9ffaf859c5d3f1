import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** SHA-256 of the bytes flowing through, without holding them. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/**
 * Gzips `from` into `to` (zlib runs on libuv's threads); the SHA-256 and size of what was written.
 * Level 1: on a million tickets level 6 took longer than the copy and its check together, for a
 * file only a little smaller (docs/backups.md).
 */
export async function gzipFile(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), createGzip({ level: 1 }), hashing(hash), count, createWriteStream(to, { flush: true }));
  return { sha256: hash.digest('hex'), bytes };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hashing(hash), new Transform({ transform: (_c, _e, done) => done() }));
  return hash.digest('hex');
}

/** Unzips `from` into `to`; a truncated or damaged file rejects (zlib's "unexpected end of file"). */
export async function gunzipFile(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createGunzip(), createWriteStream(to));
}
