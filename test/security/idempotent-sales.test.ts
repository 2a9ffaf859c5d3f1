import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { saleRequestOf } from '../../src-main/sales/sale-requests.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { eventually, openPrintingRig, type PrintingRig } from '../print/delivery/helpers.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { bridgeCall, contractCalls, openWindow, type TestWindow } from '../helpers/window.ts';
import { openCounter, openShiftAt } from '../helpers/counter.ts';
import { addStation, seedAnotherPerformance, seedShow, type ShowFixture } from '../sales/fixtures.ts';
import type { BoxOffice } from '../../src-main/core/box-office.ts';
import type { InputOf } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import { checkingWords, createSaleRequests, type SaleProcedure } from '../../src-renderer/cashier/sale-requests.ts';
import { request as httpRequest } from 'node:http';
import { createHttpBridge } from '../../src-shared/http-bridge.ts';
import { startTestHost, type TestHost } from '../host/host-client.ts';
import { startTcpProxy, type TcpProxy } from '../sync/helpers/tcp-proxy.ts';

/**
 * Issue #10, "after a connection reset a cashier cannot tell whether the sale committed": every
 * sale, reservation, refund and exchange carries the window's request key; sending it again gets
 * the first answer back and changes nothing. Driven through the real dispatcher, as a transport would.
 */

let rig: PrintingRig | null = null;
let temp: TempBoxOffice | null = null;
let host: TestHost | null = null;
let proxy: TcpProxy | null = null;
const closers: (() => void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await proxy?.close();
  await host?.close();
  await rig?.dispose();
  temp?.dispose();
  rig = null;
  temp = null;
  host = null;
  proxy = null;
});

interface Counter {
  office: BoxOffice;
  api: Dispatcher;
  show: ShowFixture;
  /** A cashier signed in at Window A. */
  a: TestWindow;
  /** Window B, another window, the same cashier signed in. */
  b: TestWindow;
  events: string[];
}

async function counter(office: BoxOffice): Promise<Counter> {
  const { api, show, signInAs } = await openCounter({ office, show: { rows: 4, seatsPerRow: 8, standing: 0 }, signedIn: null });
  const a = openWindow(api, addStation(office, 'Window A'));
  const b = openWindow(api, addStation(office, 'Window B'));
  await signInAs('cashier', a);
  await signInAs('cashier', b);
  const events: string[] = [];
  office.bus.subscribe((event) => events.push(event));
  return { office, api, show, a, b, events };
}

/** Everything a sale-changing request could touch, to compare before and after a retry. */
function snapshot(office: BoxOffice) {
  const db = office.records.$client;
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    orders: count('orders'),
    tickets: count('tickets'),
    payments: count('payments'),
    reservations: count('reservations'),
    ledger: count('ledger'),
    saleRequests: count('sale_requests'),
    printJobs: office.station.$client.prepare('SELECT count(*) FROM print_jobs').pluck().get() as number,
    units: db.prepare(`SELECT group_concat(id || ':' || state, ' ') FROM units`).pluck().get() as string,
    money: db.prepare(`SELECT coalesce(sum(amount_minor), 0) FROM payments`).pluck().get() as number,
  };
}

function invariantsHold(office: BoxOffice) {
  expect(checkInvariants(office.records.$client, office.clock.now())).toEqual([]);
}

async function hold(w: TestWindow, show: ShowFixture, labels: string[]) {
  return w.call('holdSeats', { performanceId: show.performanceId, unitIds: labels.map((l) => show.unit(l)) });
}

async function sell(c: Counter, w: TestWindow, labels: string[], idempotencyKey = randomUUID()) {
  const held = await hold(w, c.show, labels);
  const input = {
    holdId: held.holdId,
    lines: held.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
    payments: [{ method: 'cash' as const, amountMinor: 2500 * labels.length, tenderedMinor: 5000 * labels.length }],
    idempotencyKey,
  };
  return { input, sale: await w.call('bookSeats', input) };
}

describe('a repeated request answers the first time and changes nothing', () => {
  it('bookSeats: the same order, tickets and change; no second order, payment, ledger row, print job or drawer pulse', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await counter(rig.office);
    const { input, sale } = await sell(c, c.a, ['Stalls C-3', 'Stalls C-4']);
    expect(sale.print).toMatchObject({ printed: 'queued', jobSetId: expect.any(String) });
    // Drawer pulse, two tickets, the receipt.
    await rig.fake.waitForJobs(4);
    const before = snapshot(c.office);
    const heard = c.events.length;

    const again = await c.a.call('bookSeats', input);
    expect(again).toEqual(sale);
    expect(await c.a.call('bookSeats', input)).toEqual(sale);

    expect(snapshot(c.office)).toEqual(before);
    expect(c.events.length).toBe(heard);
    // Give a second drawer pulse or ticket every chance to arrive: none does.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.fake.jobs).toHaveLength(4);
    invariantsHold(c.office);
  });

  it('bookSeats with no printer: the replay reports the same print problem, so the cashier still knows to print', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const { input, sale } = await sell(c, c.a, ['Stalls A-1']);
    expect(sale.print.printed).toBe('no-printer');
    expect(await c.a.call('bookSeats', input)).toEqual(sale);
  });

  it('reserveSeats: the same reservation and reference, no second reservation or slip', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const held = await hold(c.a, c.show, ['Stalls B-1', 'Stalls B-2']);
    const input = { holdId: held.holdId, customer: { name: 'Ada Lovelace', phone: '0123' }, idempotencyKey: randomUUID() };
    const reservation = await c.a.call('reserveSeats', input);
    const before = snapshot(c.office);
    const heard = c.events.length;
    expect(await c.a.call('reserveSeats', input)).toEqual(reservation);
    expect(snapshot(c.office)).toEqual(before);
    expect(c.events.length).toBe(heard);
    invariantsHold(c.office);
  });

  it('refundTickets: the same refund once, even though the tickets are no longer there to give back', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const { sale } = await sell(c, c.a, ['Stalls D-1', 'Stalls D-2']);
    const input = { orderId: sale.order.id, ticketIds: [sale.tickets[0]!.ticketId], method: 'cash' as const, idempotencyKey: randomUUID() };
    const refund = await c.a.call('refundTickets', input);
    expect(refund.refundedMinor).toBe(2500);
    const before = snapshot(c.office);
    expect(await c.a.call('refundTickets', input)).toEqual(refund);
    expect(snapshot(c.office)).toEqual(before);
    // Without the key, the same refund again is refused as it always was: nothing left to give back.
    const { idempotencyKey: _key, ...plain } = input;
    expect(await c.a.fail('refundTickets', plain)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already refunded/) });
    invariantsHold(c.office);
  });

  it('exchangeTickets: the same new order once, though the old tickets are exchanged and the new hold is spent', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const { sale } = await sell(c, c.a, ['Stalls D-5']);
    const later = seedAnotherPerformance(c.office, c.show, c.office.clock.now() + 14 * 86_400_000);
    const held = await c.a.call('holdBestAvailable', { performanceId: later, quantity: 1 });
    const input = {
      orderId: sale.order.id,
      ticketIds: [sale.tickets[0]!.ticketId],
      holdId: held.holdId,
      lines: held.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.concession })),
      refundMethod: 'cash' as const,
      idempotencyKey: randomUUID(),
    };
    const exchange = await c.a.call('exchangeTickets', input);
    expect(exchange.differenceMinor).toBe(-700);
    const before = snapshot(c.office);
    const heard = c.events.length;
    expect(await c.a.call('exchangeTickets', input)).toEqual(exchange);
    expect(snapshot(c.office)).toEqual(before);
    expect(c.events.length).toBe(heard);
    invariantsHold(c.office);
  });

  it('two copies of one request arriving together (a retry overtaking a slow first try) sell once', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const held = await hold(c.a, c.show, ['Stalls A-5', 'Stalls A-6']);
    const input = {
      holdId: held.holdId,
      lines: held.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
      payments: [{ method: 'card' as const, amountMinor: 5000 }],
      idempotencyKey: randomUUID(),
    };
    const answers = await Promise.all([c.a.result('bookSeats', input), c.a.result('bookSeats', input), c.a.result('bookSeats', input)]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.ok).toBe(true);
    expect(snapshot(c.office).orders).toBe(1);
    invariantsHold(c.office);
  });
});

describe('a key names one request', () => {
  it('the same key with other details is refused with a sentence, and nothing is sold', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const { input, sale } = await sell(c, c.a, ['Stalls B-5']);
    const other = await hold(c.a, c.show, ['Stalls B-6']);
    const before = snapshot(c.office);
    const reused = await c.a.fail('bookSeats', {
      holdId: other.holdId,
      lines: other.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
      payments: [{ method: 'cash', amountMinor: 2500 }],
      idempotencyKey: input.idempotencyKey,
    });
    expect(reused.code).toBe('CONFLICT');
    expect(reused.message).toBe(
      'This window already used that request key for a sale with other details, so this sale was not made; nothing was changed. Start it again from the screen.',
    );
    // A different payment for the same seats is a different request too.
    const changedPayment = await c.a.fail('bookSeats', { ...input, payments: [{ method: 'card', amountMinor: 2500 }] });
    expect(changedPayment.code).toBe('CONFLICT');
    expect(snapshot(c.office)).toEqual(before);
    // The other seats are still held, unsold, for a sale under a fresh key.
    const fresh = await c.a.call('bookSeats', {
      holdId: other.holdId,
      lines: other.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
      payments: [{ method: 'cash', amountMinor: 2500 }],
      idempotencyKey: randomUUID(),
    });
    expect(fresh.order.id).not.toBe(sale.order.id);
    invariantsHold(c.office);
  });

  it('the same key for another kind of request is refused, naming what it was used for', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const { input, sale } = await sell(c, c.a, ['Stalls C-7']);
    const refused = await c.a.fail('refundTickets', { orderId: sale.order.id, method: 'cash', idempotencyKey: input.idempotencyKey });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^This window already used that request key for a sale with other details, so this refund was not made/) });
    expect((await c.a.call('getOrder', { orderId: sale.order.id })).order.state).toBe('paid');
  });

  it('the same key from another window is another request: each window sells its own seats', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const key = randomUUID();
    const first = await sell(c, c.a, ['Stalls A-2'], key);
    const second = await sell(c, c.b, ['Stalls A-3'], key);
    expect(second.sale.order.id).not.toBe(first.sale.order.id);
    expect(second.sale.order.stationId).toBe(c.b.stationId);
    // Window B cannot fetch Window A's answer with A's key either: its own request comes back.
    expect(await c.b.call('bookSeats', second.input)).toEqual(second.sale);
    expect(await c.b.fail('bookSeats', first.input)).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot(c.office).orders).toBe(2);
    invariantsHold(c.office);
  });

  it('keys are 8 to 64 characters; a call without one still sells, once, as before', async () => {
    temp = openTempBoxOffice();
    const c = await counter(temp.office);
    const held = await hold(c.a, c.show, ['Stalls D-8']);
    const input = { holdId: held.holdId, lines: held.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })), payments: [{ method: 'cash' as const, amountMinor: 2500 }] };
    expect(await c.a.fail('bookSeats', { ...input, idempotencyKey: 'short' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/idempotency key/) });
    expect(await c.a.fail('bookSeats', { ...input, idempotencyKey: 'k'.repeat(65) })).toMatchObject({ code: 'BAD_INPUT' });
    await c.a.call('bookSeats', input);
    expect(await c.a.fail('bookSeats', input)).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(snapshot(c.office)).toMatchObject({ orders: 1, saleRequests: 0 });
  });
});

describe('what is kept, and for how long', () => {
  it('the request is kept as a hash that leaves out a manager PIN: a PIN is never recoverable from the records file', () => {
    const asked = (pin: string) => ({ orderId: '01J00000000000000000000000', method: 'cash', approval: { staffId: 'M', pin }, idempotencyKey: 'key-12345' });
    const one = saleRequestOf('refundTickets', asked('2222'))!;
    expect(one).toMatchObject({ procedure: 'refundTickets', key: 'key-12345', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(saleRequestOf('refundTickets', asked('9999'))!.hash).toBe(one.hash);
    // Everything else counts: another approver, another method, another procedure.
    expect(saleRequestOf('refundTickets', { ...asked('2222'), approval: { staffId: 'N', pin: '2222' } })!.hash).not.toBe(one.hash);
    expect(saleRequestOf('refundTickets', { ...asked('2222'), method: 'card' })!.hash).not.toBe(one.hash);
    expect(saleRequestOf('exchangeTickets', asked('2222'))!.hash).not.toBe(one.hash);
    // Key order does not matter: the same request built another way is the same request.
    expect(saleRequestOf('refundTickets', { idempotencyKey: 'key-12345', approval: { pin: '1', staffId: 'M' }, method: 'cash', orderId: '01J00000000000000000000000' })!.hash).toBe(one.hash);
    expect(saleRequestOf('refundTickets', { orderId: 'x' })).toBeNull();
  });

  it('a week: the sweeper forgets older answers', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 22, 10));
    temp = openTempBoxOffice({ clock });
    const c = await counter(temp.office);
    await sell(c, c.a, ['Stalls A-7']);
    const engine = new SalesEngine(temp.office);
    engine.sweep();
    expect(snapshot(temp.office).saleRequests).toBe(1);
    clock.advance(7 * 86_400_000 + 1);
    expect(engine.sweep().prunedSaleRequests).toBe(1);
    expect(snapshot(temp.office).saleRequests).toBe(0);
    invariantsHold(temp.office);
  });
});

/**
 * A fetch that reaches the host through the proxy's port while naming the host as the browser would
 * (the Host header the host checks): the proxy is the network between the counter and the host.
 */
function fetchThrough(proxyPort: number): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = { ...(init?.headers as Record<string, string> | undefined), host: url.host };
      const req = httpRequest({ host: '127.0.0.1', port: proxyPort, method: init?.method ?? 'GET', path: `${url.pathname}${url.search}`, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('error', reject);
        res.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
          resolve(new Response(Buffer.concat(parts), { status: res.statusCode ?? 500, headers: answerHeaders }));
        });
      });
      // A cut connection: what fetch reports as "fetch failed", the bridge as HOST_UNREACHABLE.
      req.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      req.end(init?.body as string | undefined);
    });
}

/** A signed-in counter that reaches host mode through a loopback proxy that can lose answers. */
async function counterBehindProxy() {
  host = await startTestHost();
  const show = seedShow(host.temp.office, { rows: 2, seatsPerRow: 6, standing: 0 });
  proxy = await startTcpProxy(Number(new URL(host.url).port));
  const bridge = createHttpBridge(host.url, { windowName: 'Counter 1', fetch: fetchThrough(proxy.port) });
  closers.push(() => bridge.close());
  const counter = contractCalls(bridgeCall(bridge));
  await counter.call('signIn', { staffId: host.people.cashier.staffId, pin: host.people.pins.cashier });
  await openShiftAt(counter);
  const db = host.temp.office.records.$client;
  const held = (labels: string[]) => counter.call('holdSeats', { performanceId: show.performanceId, unitIds: labels.map((l) => show.unit(l)) });
  const basket = (hold: { holdId: string; unitIds: number[] }) => ({
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    payments: [{ method: 'cash' as const, amountMinor: 2500 * hold.unitIds.length, tenderedMinor: 3000 * hold.unitIds.length }],
  });
  // Every request the screen's code sends, with its key and what came back.
  const attempts: { key: string | undefined; result: Result<unknown> }[] = [];
  const send = async <K extends SaleProcedure>(name: K, input: InputOf<K>) => {
    const result = await counter.result(name, input);
    attempts.push({ key: (input as { idempotencyKey?: string }).idempotencyKey, result });
    return result;
  };
  const orderCount = () => db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  return { proxy: proxy!, host: host!, db, held, basket, attempts, send, orderCount };
}

describe('the lost answer, over real HTTP', () => {
  it('the connection is cut after the sale reached the host: the Sell screen sees HOST_UNREACHABLE, asks again with the same key, gets the first sale; one order', async () => {
    const c = await counterBehindProxy();
    const hold = await c.held(['Stalls A-3', 'Stalls A-4']);
    // The Sell screen's own retry code, sending through the real bridge.
    const key = randomUUID();
    const heard: (string | null)[] = [];
    const requests = createSaleRequests({
      send: async (name, input) => {
        const result = await c.send(name, input);
        // The lost answer was for a sale the host did commit: the retry below can only be answered from the record.
        if (c.attempts.length === 1) await eventually(c.orderCount, (n) => n === 1);
        return result;
      },
      newKey: () => key,
      pausesMs: [20, 40, 80, 160],
    });
    // The request reaches the host whole; the connection is cut before any answer comes back.
    c.proxy.cutAfterSending(key);
    const sold = await requests.send('bookSeats', c.basket(hold), (words) => heard.push(words));

    expect(c.proxy.cuts).toBe(1);
    expect(c.attempts[0]!.result).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    expect(c.attempts.length).toBeGreaterThanOrEqual(2);
    expect(c.attempts.every((a) => a.key === key)).toBe(true);
    expect(heard).toEqual([checkingWords('bookSeats'), null]);
    expect(heard[0]).toBe('The connection dropped; checking whether the sale went through…');
    if (!sold.ok) throw new Error(sold.error.message);
    expect(sold.value.changeMinor).toBe(1000);
    expect(sold.value.tickets.map((t) => t.label)).toEqual(['Stalls, row A, seat 3', 'Stalls, row A, seat 4']);

    // The sale had committed before the cut: the retry was answered from the record, not sold again.
    expect(c.db.prepare('SELECT id FROM orders').pluck().all()).toEqual([sold.value.order.id]);
    expect(c.db.prepare('SELECT count(*) FROM sale_requests').pluck().get()).toBe(1);
    expect(c.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(1);
    invariantsHold(c.host.temp.office);
  });

  it('the host stays out of reach: the screen says the outcome is unknown, and pressing Pay again later asks about the same sale', async () => {
    const c = await counterBehindProxy();
    const hold = await c.held(['Stalls B-1']);
    const requests = createSaleRequests({ send: c.send, pausesMs: [10, 10] });
    // Every connection is cut before a byte reaches the host.
    c.proxy.cutAfterBytes(0);
    const lost = await requests.send('bookSeats', c.basket(hold));
    expect(lost).toEqual({
      ok: false,
      error: {
        code: 'HOST_UNREACHABLE',
        message:
          'The connection to the box office dropped and it could not be reached again, so it is not known whether the sale went through. Once the connection is back, press the same button again: this sale is asked for again, never made twice.',
      },
    });
    expect(c.attempts).toHaveLength(3);
    expect(c.orderCount()).toBe(0);

    // The connection is back; the cashier presses Pay again for the same basket: the same key.
    c.proxy.cutAfterBytes(null);
    const sold = await requests.send('bookSeats', c.basket(hold));
    expect(sold.ok).toBe(true);
    expect(new Set(c.attempts.map((a) => a.key)).size).toBe(1);
    expect(c.orderCount()).toBe(1);
    // A new basket, once this one is answered, is a new request with a new key.
    await requests.send('bookSeats', c.basket(await c.held(['Stalls B-2'])));
    expect(new Set(c.attempts.map((a) => a.key)).size).toBe(2);
    expect(c.orderCount()).toBe(2);
    invariantsHold(c.host.temp.office);
  });
});
