import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 for ticket codes, on node:crypto. A hand-written SHA-256 compression used to save
 * ~28 µs a ticket here; `npm run bench -- booking` shows no cost a cashier could see without it,
 * and cryptography is not a place for code of our own. The digest is the same bytes, so every
 * ticket already printed still checks in (test/sales/ticket-code.test.ts).
 */
export interface TicketMac {
  /** HMAC-SHA256(secret, message), the whole 32-byte digest. */
  (message: string): Uint8Array;
}

export function ticketMac(secret: Buffer): TicketMac {
  return (message) => {
    const digest = createHmac('sha256', secret).update(message).digest();
    // A plain Uint8Array view of the same bytes, no copy: callers compare it as bytes, not as a Buffer.
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
  };
}
