import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { forwardBusEvents, registerIpc, trustSendersAt, WindowContexts, type InvokeEventLike } from '../../src-main/electron/ipc.ts';
import { seedStaff } from '../sales/fixtures.ts';
import { mayReceive } from '../../src-main/api/event-access.ts';
import { events, procedureNames, procedures } from '../../src-shared/contract/index.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

const APP_PAGE = 'file:///opt/marquee/resources/app.asar/dist/renderer/index.html';
const isAppPage = (url: string) => url.split('#')[0] === APP_PAGE;

let temp: TempBoxOffice | undefined;
afterEach(() => {
  temp?.dispose();
  temp = undefined;
});

function recordingIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown) {
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    call(channel: string, url: string | null, ...args: unknown[]) {
      return handlers.get(channel)!({ senderFrame: url === null ? null : { url }, sender: { id: 7 } }, ...args);
    },
  };
}

describe('registerIpc', () => {
  it('registers one handler per contract procedure and removes them all again', () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const unregister = registerIpc(ipcMain, createApi(composeForTest(temp.office), { checkOutput: true }), trustSendersAt(isAppPage), new WindowContexts(temp.office.identity.id));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(procedureNames.map((n) => procedures[n].channel).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it("keeps each window's session in the main process, passes the first argument only", async () => {
    temp = openTempBoxOffice({ stationName: 'Counter 1' });
    const people = seedStaff(temp.office);
    const ipcMain = recordingIpcMain();
    const windows = new WindowContexts(temp.office.identity.id);
    registerIpc(ipcMain, createApi(composeForTest(temp.office), { checkOutput: true }), trustSendersAt(isAppPage), windows);
    const info = await ipcMain.call(procedures.getStationInfo.channel, APP_PAGE, {}, 'ignored extra argument');
    expect(info).toMatchObject({ ok: true, value: { stationName: 'Counter 1' } });
    const signedIn = await ipcMain.call(procedures.signIn.channel, APP_PAGE, { staffId: people.cashier.staffId, pin: people.pins.cashier });
    expect(signedIn).toMatchObject({ ok: true, value: { id: people.cashier.staffId } });
    // The secret stays here: the answer the renderer gets carries none.
    expect(JSON.stringify(signedIn)).not.toContain(windows.secretOf(7)!);
    expect(windows.secretOf(7)).toMatch(/^[\w-]{43}$/);
    expect(await ipcMain.call(procedures.currentStaff.channel, APP_PAGE, {})).toMatchObject({ ok: true, value: { id: people.cashier.staffId } });
    windows.forget(7);
    expect(await ipcMain.call(procedures.currentStaff.channel, APP_PAGE, {})).toEqual({ ok: true, value: null });
  });

  it('refuses an untrusted or vanished frame before the dispatcher sees the call', async () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const dispatcher = createApi(composeForTest(temp.office), { checkOutput: true });
    const callChannel = vi.spyOn(dispatcher, 'callChannel');
    registerIpc(ipcMain, dispatcher, trustSendersAt(isAppPage), new WindowContexts(temp.office.identity.id));
    for (const url of ['https://evil.example/', null]) {
      const result = await ipcMain.call(procedures.loadDemo.channel, url, {});
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/refused/) } });
    }
    expect(callChannel).not.toHaveBeenCalled();
  });

  it('never rejects: a dispatcher that throws becomes INTERNAL', async () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const dispatcher = createApi(composeForTest(temp.office), { checkOutput: true });
    vi.spyOn(dispatcher, 'callChannel').mockRejectedValue(new Error('disk on fire at /secret/path.ts:12'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpc(ipcMain, dispatcher, trustSendersAt(isAppPage), new WindowContexts(temp.office.identity.id));
    const result = await ipcMain.call(procedures.getStationInfo.channel, APP_PAGE, {});
    errors.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path.ts');
  });
});

describe('forwardBusEvents', () => {
  let nextWindowId = 1;
  function fakeWindow(destroyed = false) {
    const sent: { channel: string; payload: unknown }[] = [];
    return {
      sent,
      isDestroyed: () => destroyed,
      webContents: { id: nextWindowId++, isDestroyed: () => destroyed, send: (channel: string, payload: unknown) => sent.push({ channel, payload }) },
    };
  }

  it("sends each bus event on its contract channel to every live window, until stopped", () => {
    temp = openTempBoxOffice();
    const open = [fakeWindow(), fakeWindow()];
    const closed = fakeWindow(true);
    const stop = forwardBusEvents(temp.office.bus, () => [...open, closed], () => true);
    const payload = { performanceId: '01JCZ3Z6Y8W0000000000000AB', unitIds: [1, 2] };
    temp.office.bus.emit('unitsChanged', payload);
    for (const window of open) expect(window.sent).toEqual([{ channel: events.unitsChanged.channel, payload }]);
    expect(closed.sent).toEqual([]);
    stop();
    temp.office.bus.emit('performancesChanged', { reason: 'after stop' });
    expect(open[0]!.sent).toHaveLength(1);
  });

  it('sends events only to windows signed in at a role that may read them', async () => {
    temp = openTempBoxOffice();
    const people = seedStaff(temp.office);
    const ipcMain = recordingIpcMain();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const windows = new WindowContexts(temp.office.identity.id);
    registerIpc(ipcMain, api, trustSendersAt(isAppPage), windows);
    const signedIn = fakeWindow();
    const anonymous = fakeWindow();
    await api.call('signIn', { staffId: people.cashier.staffId, pin: people.pins.cashier }, windows.contextOf(signedIn.webContents.id));
    const stop = forwardBusEvents(temp.office.bus, () => [signedIn, anonymous], (id, event) =>
      mayReceive(api.sessions, temp!.office.identity.id, windows.secretOf(id), event),
    );
    temp.office.bus.emit('performancesChanged', { reason: 'test' });
    expect(signedIn.sent).toEqual([{ channel: events.performancesChanged.channel, payload: { reason: 'test' } }]);
    expect(anonymous.sent).toEqual([]);
    stop();
  });
});
