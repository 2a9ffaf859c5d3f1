import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs are short, so the hash must be slow and memory-hard: scrypt with N=2^14, r=8 costs ~16 MiB
 * and tens of milliseconds a guess, and the lock-out after repeated failures does the rest.
 */
const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface PinHash {
  hash: string;
  salt: string;
}

export function hashPin(pin: string): PinHash {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, PARAMS);
  return { hash: hash.toString('base64'), salt: salt.toString('base64') };
}

export function verifyPin(pin: string, stored: PinHash): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(stored.salt, 'base64'), expected.length, PARAMS);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
