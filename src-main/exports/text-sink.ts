import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A file written piece by piece that waits whenever the disk falls behind, so a million rows
 * never sit in memory at once.
 */
export class TextSink {
  private readonly stream: WriteStream;
  bytes = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }

  async write(text: string): Promise<void> {
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
  }

  /** After a failure or a cancel: close without caring whether it flushed. */
  destroy(): void {
    this.stream.destroy();
  }
}

/** Opens a sink on `file`, lets `fill` write it, and closes it: flushed on success, dropped on failure. */
export async function writeTextFile<T>(file: string, fill: (sink: TextSink) => Promise<T>): Promise<T> {
  const sink = new TextSink(file);
  try {
    const result = await fill(sink);
    await sink.close();
    return result;
  } catch (error) {
    sink.destroy();
    throw error;
  }
}
