import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: a window token cannot be guessed, and the database keeps only its SHA-256. */
const TOKEN_BYTES = 32;
/** 32 bytes in base64url, without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function issueWindowToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Checked before hashing, so an odd or huge header costs nothing and never reaches the database. */
export function isWindowTokenShape(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

export function hashWindowToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
