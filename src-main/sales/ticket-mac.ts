import { createHash, createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 for ticket codes, keyed once per installation secret. A ticket id is 26 ASCII
 * characters, so once the key's two padded blocks are hashed (here, once) each MAC is exactly two
 * SHA-256 block compressions. node:crypto re-keys and builds stream objects on every createHmac,
 * which cost ~30 µs a ticket inside a sale; this is ~2 µs. Output is byte-for-byte HMAC-SHA256
 * (test/sales/ticket-code.test.ts checks it against node:crypto); anything that is not a short
 * ASCII message goes to node:crypto.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;
/** The longest message that fits one block with its padding (0x80 and the 8-byte length). */
const MAX_SHORT = BLOCK - 9;

const W = new Int32Array(64);

/** One SHA-256 compression of `block` (16 big-endian words) into a copy of `state`, written to `out`. */
function compress(state: Int32Array, block: Int32Array, out: Int32Array): void {
  for (let i = 0; i < 16; i++) W[i] = block[i]!;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (state[0]! + a) | 0;
  out[1] = (state[1]! + b) | 0;
  out[2] = (state[2]! + c) | 0;
  out[3] = (state[3]! + d) | 0;
  out[4] = (state[4]! + e) | 0;
  out[5] = (state[5]! + f) | 0;
  out[6] = (state[6]! + g) | 0;
  out[7] = (state[7]! + h) | 0;
}

function wordsOf(bytes: Uint8Array): Int32Array {
  const words = new Int32Array(16);
  for (let i = 0; i < BLOCK; i++) words[i >> 2]! |= bytes[i]! << (24 - 8 * (i & 3));
  return words;
}

export interface TicketMac {
  /** HMAC-SHA256(secret, message), the whole 32-byte digest. */
  (message: string): Uint8Array;
}

export function ticketMac(secret: Buffer): TicketMac {
  const key = new Uint8Array(BLOCK);
  key.set(secret.length > BLOCK ? createHash('sha256').update(secret).digest() : secret);
  const inner = new Int32Array(8);
  const outer = new Int32Array(8);
  compress(IV, wordsOf(key.map((b) => b ^ 0x36)), inner);
  compress(IV, wordsOf(key.map((b) => b ^ 0x5c)), outer);
  const block = new Int32Array(16);
  const hash = new Int32Array(8);
  return (message) => {
    const n = message.length;
    let ascii = n <= MAX_SHORT;
    for (let i = 0; ascii && i < n; i++) if (message.charCodeAt(i) > 0x7f) ascii = false;
    if (!ascii) return createHmac('sha256', secret).update(message).digest();
    // Inner: key block already hashed, so one block holds the message, 0x80 and the bit length.
    block.fill(0);
    for (let i = 0; i < n; i++) block[i >> 2]! |= message.charCodeAt(i) << (24 - 8 * (i & 3));
    block[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    block[15] = (BLOCK + n) * 8;
    compress(inner, block, hash);
    // Outer: the 32-byte inner digest, 0x80, and the bit length of key block plus digest.
    block.fill(0);
    for (let i = 0; i < 8; i++) block[i] = hash[i]!;
    block[8] = 0x80000000 | 0;
    block[15] = (BLOCK + 32) * 8;
    compress(outer, block, hash);
    const digest = new Uint8Array(32);
    for (let i = 0; i < 32; i++) digest[i] = (hash[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    return digest;
  };
}
