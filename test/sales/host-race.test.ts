import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { openShiftAt } from '../helpers/counter.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { bridgeCall, contractCalls } from '../helpers/window.ts';
import { seedShow, seedStaff } from './fixtures.ts';

let temp: TempBoxOffice | null = null;
let server: HostServer | null = null;
const bridges: { close(): void }[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  await server?.close();
  temp?.dispose();
  server = null;
  temp = null;
});

it('two browser windows race through host mode: each seat goes to one, the other is told which, both screens hear of it', async () => {
  temp = openTempBoxOffice();
  const show = seedShow(temp.office, { rows: 4, seatsPerRow: 10, standing: 0 });
  const people = seedStaff(temp.office);
  server = await startHostServer({ boxOffice: composeForTest(temp.office), host: '127.0.0.1', port: 0 });
  const open = (name: string) => {
    const bridge = createHttpBridge(server!.url, { windowName: name, WebSocket: WebSocket as unknown as WebSocketCtor });
    bridges.push(bridge);
    return bridge;
  };
  const a = open('Window A');
  const b = open('Window B');
  expect((await a.signIn({ staffId: people.cashier.staffId, pin: '1111' })).ok).toBe(true);
  expect((await b.signIn({ staffId: people.manager.staffId, pin: '2222' })).ok).toBe(true);
  for (const w of [a, b]) await openShiftAt(contractCalls(bridgeCall(w)));

  const heardByB: number[] = [];
  b.on('unitsChanged', (payload) => {
    if (payload.performanceId === show.performanceId) heardByB.push(...payload.unitIds);
  });
  // Let the event sockets connect before the race.
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Overlapping pairs fired from both windows at once.
  const ids = show.seatUnitIds;
  const pairs = ids.slice(0, -1).map((id, i) => [id, ids[i + 1]!]);
  const attempts = await Promise.all(
    pairs.flatMap((pair) => [
      a.holdSeats({ performanceId: show.performanceId, unitIds: pair }).then((r) => ({ who: 'A', pair, r })),
      b.holdSeats({ performanceId: show.performanceId, unitIds: [...pair].reverse() }).then((r) => ({ who: 'B', pair, r })),
    ]),
  );
  const owner = new Map<number, string>();
  const wonByA: { holdId: string; unitIds: number[] }[] = [];
  for (const { who, pair, r } of attempts) {
    if (r.ok) {
      for (const id of pair) {
        expect(owner.has(id), `seat ${id} held twice`).toBe(false);
        owner.set(id, who);
      }
      if (who === 'A') wonByA.push(r.value);
    } else {
      expect(r.error.code).toBe('SEATS_UNAVAILABLE');
      expect(r.error.message).toMatch(/Stalls, row [A-D], seat \d+/);
    }
  }
  expect(owner.size).toBeGreaterThan(0);

  // Window B's screen heard about every seat Window A took, within a second.
  const deadline = Date.now() + 1000;
  const takenByA = [...owner].filter(([, who]) => who === 'A').map(([id]) => id);
  while (Date.now() < deadline && !takenByA.every((id) => heardByB.includes(id))) await new Promise((r) => setTimeout(r, 20));
  expect(takenByA.filter((id) => !heardByB.includes(id))).toEqual([]);

  // The loser cannot sell the winner's hold; the winner can.
  if (wonByA.length) {
    const hold = wonByA[0]!;
    const lines = hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    const stolen = await b.bookSeats({ holdId: hold.holdId, lines, payments: [{ method: 'cash', amountMinor: 5000 }], idempotencyKey: randomUUID() });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sale = { holdId: hold.holdId, lines, payments: [{ method: 'cash' as const, amountMinor: 5000 }], idempotencyKey: randomUUID() };
    const sold = await a.bookSeats(sale);
    expect(sold.ok).toBe(true);
    // The same request again (a retry after a lost answer) is the same sale, not a refusal or a second one.
    expect(await a.bookSeats(sale)).toEqual(sold);
  }
  expect(checkInvariants(temp.office.records.$client, Date.now())).toEqual([]);
});
