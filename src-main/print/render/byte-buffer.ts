/** A growing byte buffer for building one printer stream without concatenating on every command. */
export class ByteBuffer {
  private buf = Buffer.allocUnsafe(8192);
  private len = 0;

  bytes(...values: number[]): void {
    this.ensure(values.length);
    for (const v of values) this.buf[this.len++] = v;
  }

  append(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + extra));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }
}
