import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { createApi } from '../../src-main/api/create-api.ts';
import { createDispatcher } from '../../src-main/api/dispatcher.ts';
import { openCounter } from '../helpers/counter.ts';
import { createHandlers } from '../../src-main/api/handlers/index.ts';
import { SessionStore } from '../../src-main/staff/sessions.ts';
import { procedures } from '../../src-shared/contract/index.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

const ctx = { transport: 'test' as const, stationId: 'test-window', sessionSecret: null };
let temp: TempBoxOffice | null = null;

afterEach(() => {
  temp?.dispose();
  temp = null;
});

describe('the registration helper', () => {
  it('registers every procedure of the contract under its channel', () => {
    temp = openTempBoxOffice();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    expect([...api.channels.keys()].sort()).toEqual(Object.values(procedures).map((p) => p.channel).sort());
  });

  it('answers a valid call with a value checked against the contract', async () => {
    temp = openTempBoxOffice({ stationName: 'Window A' });
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const result = await api.call('getStationInfo', {}, ctx);
    expect(result).toMatchObject({ ok: true, value: { stationName: 'Window A', mode: 'host', isEmpty: true } });
  });

  it('refuses bad input with BAD_INPUT naming the field, and runs nothing', async () => {
    const { temp: counterTemp, api, till } = await openCounter();
    temp = counterTemp;
    const result = await till.result('getSeatMap', { performanceId: 'tonight' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('The performance is not one Marquee knows') },
    });
    const extra = await api.call('getSeatMap', { performanceId: ulid(), sneaky: true }, till.ctx);
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.message).toMatch(/sneaky/);
  });

  it('passes a MarqueeError through as {code, message}', async () => {
    const counter = await openCounter();
    temp = counter.temp;
    const id = ulid();
    const result = await counter.till.result('getSeatMap', { performanceId: id });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `There is no performance with id ${id}.` } });
  });

  it('turns an unexpected failure into INTERNAL without a stack trace', async () => {
    temp = openTempBoxOffice();
    const logged: string[] = [];
    const sessions = new SessionStore(temp.office.records, temp.office.clock);
    const dispatcher = createDispatcher(createHandlers(composeForTest(temp.office), sessions), { checkOutput: true, sessions, log: (m) => logged.push(m) });
    temp.office.records.$client.close();
    const result = await dispatcher.call('listStaff', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong in listStaff; it has been logged.' },
    });
    expect(logged).toEqual(['listStaff failed']);
    temp.office.station.$client.close();
    temp = null;
  });

  it('answers an unknown channel with NOT_FOUND', async () => {
    temp = openTempBoxOffice();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const result = await api.callChannel('bo:nothing:here', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
