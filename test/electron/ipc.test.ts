import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { forwardBusEvents, registerIpc, trustSendersAt, type InvokeEventLike } from '../../src-main/electron/ipc.ts';
import { events, procedureNames, procedures } from '../../src-shared/contract/index.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

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
      return handlers.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
    },
  };
}

describe('registerIpc', () => {
  it('registers one handler per contract procedure and removes them all again', () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const unregister = registerIpc(ipcMain, createApi(temp.office, { checkOutput: true }), trustSendersAt(isAppPage));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(procedureNames.map((n) => procedures[n].channel).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes the call context it is given and the first argument only', async () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const contexts: unknown[] = [];
    registerIpc(ipcMain, createApi(temp.office, { checkOutput: true }), trustSendersAt(isAppPage), () => {
      const ctx = { transport: 'ipc' as const, stationId: temp!.office.identity.id, sessionToken: null };
      contexts.push(ctx);
      return ctx;
    });
    const result = await ipcMain.call(procedures.getStationInfo.channel, APP_PAGE, {}, 'ignored extra argument');
    expect(result).toMatchObject({ ok: true, value: { stationId: temp.office.identity.id } });
    expect(contexts).toEqual([{ transport: 'ipc', stationId: temp.office.identity.id, sessionToken: null }]);
  });

  it('refuses an untrusted or vanished frame before the dispatcher sees the call', async () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const dispatcher = createApi(temp.office, { checkOutput: true });
    const callChannel = vi.spyOn(dispatcher, 'callChannel');
    registerIpc(ipcMain, dispatcher, trustSendersAt(isAppPage));
    for (const url of ['https://evil.example/', null]) {
      const result = await ipcMain.call(procedures.loadDemo.channel, url, {});
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/refused/) } });
    }
    expect(callChannel).not.toHaveBeenCalled();
  });

  it('never rejects: a dispatcher that throws becomes INTERNAL', async () => {
    temp = openTempBoxOffice();
    const ipcMain = recordingIpcMain();
    const dispatcher = createApi(temp.office, { checkOutput: true });
    vi.spyOn(dispatcher, 'callChannel').mockRejectedValue(new Error('disk on fire at /secret/path.ts:12'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpc(ipcMain, dispatcher, trustSendersAt(isAppPage));
    const result = await ipcMain.call(procedures.getStationInfo.channel, APP_PAGE, {});
    errors.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path.ts');
  });
});

describe('forwardBusEvents', () => {
  function fakeWindow(destroyed = false) {
    const sent: { channel: string; payload: unknown }[] = [];
    return {
      sent,
      isDestroyed: () => destroyed,
      webContents: { isDestroyed: () => destroyed, send: (channel: string, payload: unknown) => sent.push({ channel, payload }) },
    };
  }

  it("sends each bus event on its contract channel to every live window, until stopped", () => {
    temp = openTempBoxOffice();
    const open = [fakeWindow(), fakeWindow()];
    const closed = fakeWindow(true);
    const stop = forwardBusEvents(temp.office.bus, () => [...open, closed]);
    const payload = { performanceId: '01JCZ3Z6Y8W0000000000000AB', unitIds: [1, 2] };
    temp.office.bus.emit('unitsChanged', payload);
    for (const window of open) expect(window.sent).toEqual([{ channel: events.unitsChanged.channel, payload }]);
    expect(closed.sent).toEqual([]);
    stop();
    temp.office.bus.emit('performancesChanged', { reason: 'after stop' });
    expect(open[0]!.sent).toHaveLength(1);
  });
});
