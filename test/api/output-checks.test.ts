import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, outputChecksWanted, type CallContext, type Handlers } from '../../src-main/api/dispatcher.ts';
import { createHandlers } from '../../src-main/api/handlers/index.ts';
import { SessionStore } from '../../src-main/staff/sessions.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

let temp: TempBoxOffice | null = null;
afterEach(() => {
  temp?.dispose();
  temp = null;
});

describe('answers checked against the contract', () => {
  it('are checked everywhere but production', () => {
    expect(outputChecksWanted({ NODE_ENV: 'production' })).toBe(false);
    expect(outputChecksWanted({ NODE_ENV: 'test' })).toBe(true);
    expect(outputChecksWanted({ NODE_ENV: 'development' })).toBe(true);
    expect(outputChecksWanted({})).toBe(true);
  });

  it('catch an answer outside the contract in development, and let it through untouched in production', async () => {
    temp = openTempBoxOffice();
    const sessions = new SessionStore(temp.office.records, temp.office.clock);
    const handlers = createHandlers(composeForTest(temp.office), sessions);
    // A handler drifting from its contract: getStationInfo is public, so nobody need sign in.
    const drifted = { ...handlers, getStationInfo: () => ({ drifted: true }) } as unknown as Handlers;
    const ctx: CallContext = { transport: 'test', stationId: temp.office.identity.id, sessionSecret: null };
    const logged: string[] = [];
    const checking = createDispatcher(drifted, { checkOutput: outputChecksWanted({ NODE_ENV: 'development' }), sessions, log: (m) => logged.push(m) });
    expect(await checking.call('getStationInfo', {}, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'getStationInfo gave an answer the screen cannot use.' } });
    expect(logged).toHaveLength(1);
    const production = createDispatcher(drifted, { checkOutput: outputChecksWanted({ NODE_ENV: 'production' }), sessions });
    expect(await production.call('getStationInfo', {}, ctx)).toEqual({ ok: true, value: { drifted: true } });
    // Inputs are still checked in production.
    expect(await production.call('signIn', { staffId: 42 }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
