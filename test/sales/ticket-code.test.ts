import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { newId } from '../../src-main/sales/ids.ts';
import { ticketCode, verifyTicketCode } from '../../src-main/sales/ticket-code.ts';
import { ticketMac } from '../../src-main/sales/ticket-mac.ts';

const reference = (secret: Buffer, message: string) => new Uint8Array(createHmac('sha256', secret).update(message).digest());

it('computes exactly HMAC-SHA256, for ticket ids and for any other message or key', () => {
  const secret = randomBytes(32);
  const mac = ticketMac(secret);
  for (let i = 0; i < 500; i++) {
    const id = newId(Date.now() + i);
    expect(mac(id)).toEqual(reference(secret, id));
  }
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 100 }), fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })), (key, message) => {
      const keyBuffer = Buffer.from(key);
      expect(new Uint8Array(ticketMac(keyBuffer)(message))).toEqual(reference(keyBuffer, message));
    }),
    { numRuns: 400 },
  );
});

it('codes made with the fast MAC verify, and codes made by node:crypto are the same', () => {
  const secret = randomBytes(32);
  const id = newId();
  const code = ticketCode(secret, id);
  expect(verifyTicketCode(secret, code)).toBe(id);
  const digest = createHmac('sha256', secret).update(id).digest();
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = '';
  for (const byte of digest.subarray(0, 10)) bits += byte.toString(2).padStart(8, '0');
  const mac = Array.from({ length: 16 }, (_, i) => CROCKFORD[parseInt(bits.slice(5 * i, 5 * i + 5), 2)]).join('');
  expect(code).toBe(id + mac);
});
