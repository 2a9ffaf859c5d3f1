import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

/**
 * ULIDs for the hot paths. The ulid package asks the OS for one random byte per character; a sale
 * makes half a dozen ids, so that alone cost more than the SQL. Same CSPRNG, drawn 4 KiB at a time.
 */
const pool = new Uint8Array(4096);
let next = pool.length;

function prng(): number {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 256;
}

export function newId(now: number = Date.now()): string {
  return ulid(now, prng);
}
