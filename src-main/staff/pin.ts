import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { MarqueeError } from '../../src-shared/errors.ts';

/**
 * PINs are short, so the hash must be slow and memory-hard: scrypt with N=2^14, r=8 costs ~16 MiB
 * and tens of milliseconds a guess; the sign-in throttle (sign-in-throttle.ts) limits the guesses.
 */
const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** What a PIN may be anywhere (the contract says the same); the setting staff.minPinLength may raise the minimum. */
export { PIN_DIGITS } from '../../src-shared/settings-registry.ts';

/**
 * At most this many hashes at once. The async scrypt runs on libuv's thread pool (4 threads by
 * default), which file reads and printing share: two leave room for them, and cap the memory at
 * ~32 MiB however many PINs arrive together.
 */
const MAX_RUNNING = 2;
/** Waiting beyond this is refused: a queue that long is a flood, and each waiter holds a request open. */
const MAX_WAITING = 8;

export interface PinHash {
  hash: string;
  salt: string;
}

/** How much scrypt has run in this process, for the tests that prove a flood never reaches it. */
export interface ScryptCounters {
  /** Hashes started, synchronous and asynchronous. */
  started: number;
  /** Hashes running right now. */
  running: number;
  /** The most that ever ran at once (since the last resetScryptPeak). */
  peak: number;
}

const counters: ScryptCounters = { started: 0, running: 0, peak: 0 };

export function scryptCounters(): Readonly<ScryptCounters> {
  return { ...counters };
}

export function resetScryptPeak(): void {
  counters.peak = counters.running;
}

function started(): void {
  counters.started++;
  counters.running++;
  counters.peak = Math.max(counters.peak, counters.running);
}

/*
 * The semaphore is per process on purpose: the thread pool and the CPU it protects are too, and
 * every box office open in this process shares them.
 */
let slotsTaken = 0;
const waiting: (() => void)[] = [];

function takeSlot(): Promise<void> {
  if (slotsTaken < MAX_RUNNING) {
    slotsTaken++;
    return Promise.resolve();
  }
  if (waiting.length >= MAX_WAITING) {
    return Promise.reject(new MarqueeError('SLOW_DOWN', 'The box office is busy checking PINs; try again in a few seconds.', { retryAfterMs: 2_000 }));
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function giveSlot(): void {
  const next = waiting.shift();
  // The slot passes straight to the next in line, so a newcomer cannot jump the queue.
  if (next) next();
  else slotsTaken--;
}

function scryptInPool(pin: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    started();
    scrypt(pin, salt, length, PARAMS, (error, key) => {
      counters.running--;
      if (error) reject(error);
      else resolve(key);
    });
  });
}

async function limitedScrypt(pin: string, salt: Buffer, length: number): Promise<Buffer> {
  await takeSlot();
  try {
    return await scryptInPool(pin, salt, length);
  } finally {
    giveSlot();
  }
}

function matches(expected: Buffer, actual: Buffer): boolean {
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Hashes off the main thread, at most MAX_RUNNING at once; refuses with SLOW_DOWN when the queue is full. */
export async function hashPinAsync(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await limitedScrypt(pin, salt, KEY_LENGTH);
  return { hash: hash.toString('base64'), salt: salt.toString('base64') };
}

/** Checks off the main thread, at most MAX_RUNNING at once; refuses with SLOW_DOWN when the queue is full. */
export async function verifyPinAsync(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  return matches(expected, await limitedScrypt(pin, Buffer.from(stored.salt, 'base64'), expected.length));
}

/**
 * Blocks the event loop for the whole hash: only for paths that cannot wait (a demo reset inside
 * one transaction, test fixtures, benches). Anything a request reaches uses hashPinAsync.
 */
export function hashPin(pin: string): PinHash {
  const salt = randomBytes(16);
  started();
  try {
    const hash = scryptSync(pin, salt, KEY_LENGTH, PARAMS);
    return { hash: hash.toString('base64'), salt: salt.toString('base64') };
  } finally {
    counters.running--;
  }
}

/** The blocking check, kept for tests that read a stored hash back; requests use verifyPinAsync. */
export function verifyPin(pin: string, stored: PinHash): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  started();
  try {
    return matches(expected, scryptSync(pin, Buffer.from(stored.salt, 'base64'), expected.length, PARAMS));
  } finally {
    counters.running--;
  }
}
