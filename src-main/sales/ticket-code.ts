import { timingSafeEqual } from 'node:crypto';
import { ticketMac, type TicketMac } from './ticket-mac.ts';

/**
 * A ticket's code is its id followed by 16 characters of HMAC-SHA256 over that id with the
 * installation's secret: a door scanner tells a forged or mistyped code at once, without a lookup,
 * and nobody can make up a valid code from a ticket id alone.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 26;
const MAC_LENGTH = 16;

// Keyed once per secret (the engine keeps one secret Buffer per connection).
const macs = new WeakMap<Buffer, TicketMac>();

function macOf(secret: Buffer, ticketId: string): string {
  let mac = macs.get(secret);
  if (!mac) macs.set(secret, (mac = ticketMac(secret)));
  const digest = mac(ticketId);
  // 16 base-32 characters carry 80 bits: the first 10 bytes of the digest.
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | digest[i]!;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/**
 * The code printed for a ticket. `issue` 0 is the code the sale printed; a venue that has reprints
 * issue new codes (Settings, `tickets.reprintCode`) gives each reprint the next issue, whose MAC
 * covers the id and the issue number, so the new code differs and the old one can be refused.
 */
export function ticketCode(secret: Buffer, ticketId: string, issue = 0): string {
  return ticketId + macOf(secret, issue === 0 ? ticketId : `${ticketId}.${issue}`);
}

/** The ticket id a code names, when the code has the shape of one (its MAC is not checked here). */
export function ticketIdOfCode(code: string): string | null {
  const clean = code.trim().toUpperCase();
  return clean.length === ID_LENGTH + MAC_LENGTH ? clean.slice(0, ID_LENGTH) : null;
}

/** Whether `code` is a genuine code of this ticket from any issue up to `lastIssue` (checked in constant time each). */
export function isIssuedCode(secret: Buffer, code: string, ticketId: string, lastIssue: number): boolean {
  const clean = Buffer.from(code.trim().toUpperCase());
  let found = false;
  for (let issue = 0; issue <= lastIssue; issue++) {
    const expected = Buffer.from(ticketCode(secret, ticketId, issue));
    if (expected.length === clean.length && timingSafeEqual(expected, clean)) found = true;
  }
  return found;
}

/** The ticket id inside a genuine code, or null when the code was not made by this installation. */
export function verifyTicketCode(secret: Buffer, code: string): string | null {
  const clean = code.trim().toUpperCase();
  if (clean.length !== ID_LENGTH + MAC_LENGTH) return null;
  const id = clean.slice(0, ID_LENGTH);
  const expected = Buffer.from(macOf(secret, id));
  const actual = Buffer.from(clean.slice(ID_LENGTH));
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
