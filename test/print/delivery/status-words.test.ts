import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeRealtimeStatus,
  describeRealtimeStatus,
  encodeRealtimeStatus,
  isStatusByte,
  STATUS_REQUEST,
} from '../../../src-main/print/status/realtime-status.ts';
import { tcpTransport } from '../../../src-main/print/transport/tcp-transport.ts';
import { openPrintingRig, type PrintingRig } from './helpers.ts';

let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

describe('printer status in words', () => {
  it('decodes the ESC/POS DLE EOT answers', () => {
    expect(STATUS_REQUEST).toEqual(Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04]));
    // An idle printer: only the fixed bits (1 and 4) set.
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x12]))).toEqual({ state: 'ready', words: 'Ready' });
    // Out of paper: offline (n=1 bit 3), stopped by paper end (n=2 bit 5), near-end and end sensors (n=4).
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x1a, 0x32, 0x12, 0x7e]))).toEqual({ state: 'paper_out', words: 'Paper out' });
    // Cover open: offline and n=2 bit 2.
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x1a, 0x16, 0x12, 0x12]))).toEqual({ state: 'cover_open', words: 'Cover open' });
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x1e]))).toEqual({ state: 'paper_low', words: 'Paper low' });
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x1a, 0x52, 0x1a, 0x12]))).toEqual({ state: 'error', words: 'Cutter jammed' });
    expect(describeRealtimeStatus(decodeRealtimeStatus([0x1a, 0x12, 0x12, 0x12]))).toEqual({ state: 'offline', words: 'Offline' });
    expect([0x12, 0x1a, 0x7e, 0x32].every(isStatusByte)).toBe(true);
    expect([0x00, 0xff, 0x41].some(isStatusByte)).toBe(false);
    expect(encodeRealtimeStatus({ paperOut: true })).toEqual(Buffer.from([0x1a, 0x32, 0x12, 0x7e]));
  });

  it('reads paper out, cover open and offline from a printer over the network', async () => {
    rig = await openPrintingRig();
    const { service, fake, printer } = rig;
    const seen: string[] = [];
    rig.office.bus.subscribe((event, payload) => {
      if (event === 'printerStatusChanged') seen.push((payload as { status: { words: string } }).status.words);
    });

    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'ready', words: 'Ready', reportsStatus: true });
    fake.set({ paperOut: true });
    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'paper_out', words: 'Paper out' });
    fake.set({ paperOut: false, coverOpen: true });
    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'cover_open', words: 'Cover open' });
    fake.set({ coverOpen: false, paperLow: true });
    expect(await service.queue.readStatus(printer.id)).toMatchObject({ state: 'paper_low', words: 'Paper low' });
    await fake.setOffline(true);
    expect(await service.queue.readStatus(printer.id)).toMatchObject({
      state: 'unreachable',
      words: `Not answering at 127.0.0.1:${fake.port}`,
    });
    expect(seen).toEqual(['Ready', 'Paper out', 'Cover open', 'Paper low', `Not answering at 127.0.0.1:${fake.port}`]);
    expect(service.printerView(printer.id).status.words).toBe(`Not answering at 127.0.0.1:${fake.port}`);
  });

  it('says "Not answering" for an address where nothing listens', async () => {
    rig = await openPrintingRig();
    const port = rig.fake.port;
    await rig.fake.setOffline(true);
    const probe = await tcpTransport({ host: '127.0.0.1', port }).probe();
    expect(probe).toEqual({ reachable: false, reply: null, problem: `Not answering at 127.0.0.1:${port}` });
  });
});

describe('waiting between attempts', () => {
  it('doubles the pause per attempt and never waits longer than the cap', async () => {
    const { backoffDelay, defaultBackoff } = await import('../../../src-main/print/queue/backoff.ts');
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(defaultBackoff, n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
