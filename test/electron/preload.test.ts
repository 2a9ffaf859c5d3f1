import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { registerIpc, WindowContexts, trustSendersAt, type InvokeEventLike } from '../../src-main/electron/ipc.ts';
import { events, procedureNames, procedures, type MarqueeBridge } from '../../src-shared/contract/index.ts';
import { seedStaff } from '../sales/fixtures.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { createFakeRenderer } from './fake-electron.ts';

const renderer = vi.hoisted(() => ({ current: undefined as ReturnType<typeof createFakeRenderer> | undefined }));

vi.mock('electron', async () => {
  const { createFakeRenderer: create } = await import('./fake-electron.ts');
  renderer.current = create();
  return { contextBridge: renderer.current.contextBridge, ipcRenderer: renderer.current.ipcRenderer };
});

let temp: TempBoxOffice;
let bridge: MarqueeBridge;

beforeAll(async () => {
  await import('../../src-main/electron/preload.ts');
  temp = openTempBoxOffice();
  // The main side, for real: the fake ipcRenderer hands each invoke to the registered handlers.
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  registerIpc(
    { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) },
    createApi(composeForTest(temp.office), { checkOutput: true }),
    trustSendersAt((url) => url === 'file:///app/dist/renderer/index.html'),
    new WindowContexts(temp.office.identity.id),
  );
  renderer.current!.answerWith(async (channel, input) =>
    handlers.get(channel)!({ senderFrame: { url: 'file:///app/dist/renderer/index.html' }, sender: { id: 1 } }, input),
  );
  bridge = renderer.current!.exposed[0]!.api as MarqueeBridge;
});

afterAll(() => temp.dispose());

describe('the preload', () => {
  it("exposes exactly one key, 'marquee'", () => {
    expect(renderer.current!.exposed.map((entry) => entry.key)).toEqual(['marquee']);
  });

  it("offers exactly the contract's procedures plus 'on'", () => {
    expect(Object.keys(bridge).sort()).toEqual([...procedureNames, 'on'].sort());
    for (const key of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes each procedure on its contract channel with the input alone', async () => {
    const before = renderer.current!.invocations.length;
    const info = await bridge.getStationInfo({});
    expect(info).toMatchObject({ ok: true, value: { mode: 'host', isEmpty: true } });
    expect(renderer.current!.invocations.slice(before)).toEqual([
      { channel: procedures.getStationInfo.channel, args: [{}] },
    ]);
  });

  it('brings back BAD_INPUT as a value, not a rejection', async () => {
    const people = seedStaff(temp.office);
    expect(await bridge.signIn({ staffId: people.cashier.staffId, pin: people.pins.cashier })).toMatchObject({ ok: true });
    const result = await bridge.getSeatMap({ performanceId: 'not-an-id' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('delivers contract events with the payload only, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.on('unitsChanged', (payload) => received.push(payload));
    const payload = { performanceId: '01JCZ3Z6Y8W0000000000000AB', unitIds: [3] };
    renderer.current!.emitter.emit(events.unitsChanged.channel, { sender: 'the IpcRendererEvent' }, payload);
    expect(received).toEqual([payload]);
    unsubscribe();
    renderer.current!.emitter.emit(events.unitsChanged.channel, {}, payload);
    expect(received).toHaveLength(1);
    expect(renderer.current!.emitter.listenerCount(events.unitsChanged.channel)).toBe(0);
  });

  it('refuses to listen to anything that is not a contract event', () => {
    const on = bridge.on as (event: string, listener: () => void) => () => void;
    for (const name of ['ipc-message', 'bo:system:station-info', 'toString', '__proto__', 'constructor']) {
      expect(() => on(name, () => undefined), name).toThrow(/not a box-office event/);
    }
    expect(() => (bridge.on as (event: string, listener: unknown) => void)('unitsChanged', 'nope')).toThrow(/function/);
    expect(renderer.current!.emitter.eventNames()).toEqual([]);
  });

  it('gives the page no raw invoke, send or ipcRenderer', () => {
    for (const forbidden of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'removeListener']) {
      expect(Object.hasOwn(bridge, forbidden), forbidden).toBe(false);
    }
  });
});
