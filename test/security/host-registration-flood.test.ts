import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { DEFAULT_REGISTRATION_LIMITS } from '../../src-main/windows/window-registration.ts';
import { register, startTestHost, type TestHost } from '../host/host-client.ts';

/**
 * Finding: every new station id added a `stations` row and an in-memory entry without limit.
 * Registrations are limited now: windows on this computer all together, other computers per
 * address and in total, and requests waiting for a manager are capped and expire.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function rows(h: TestHost): { stations: number; windows: number } {
  const db = h.temp.office.records.$client;
  const n = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { stations: n('stations'), windows: n('paired_windows') };
}

async function flood(url: string, times: number): Promise<{ admitted: number; codes: Set<string> }> {
  let admitted = 0;
  const codes = new Set<string>();
  for (let i = 0; i < times; i++) {
    const answer = await register(url, `Flood ${i}`);
    if (answer.ok) admitted++;
    else codes.add(answer.error.code);
  }
  return { admitted, codes };
}

describe('registration floods are bounded', () => {
  it('limits windows registered on this computer, however many ask', async () => {
    const clock = new ManualClock(Date.UTC(2027, 0, 10, 12));
    host = await startTestHost({ clock });
    const before = rows(host);
    const first = await flood(host.url, 150);
    expect(first.admitted).toBe(DEFAULT_REGISTRATION_LIMITS.localPerMinute);
    expect(first.codes).toEqual(new Set(['SLOW_DOWN']));
    expect(rows(host)).toEqual({ stations: before.stations + first.admitted, windows: before.windows + first.admitted });
    // A minute later a real new window gets in again.
    clock.advance(61_000);
    expect((await register(host.url)).ok).toBe(true);
  });

  it('caps waiting requests from one other computer and from all of them, and lets them expire', async () => {
    const clock = new ManualClock(Date.UTC(2027, 0, 10, 12));
    host = await startTestHost({ clock, localClientAddresses: [] });
    const before = rows(host);
    const opening = await register(host.url);
    const first = await flood(host.url, 50);
    expect(opening.ok).toBe(true);
    expect(first.admitted + 1).toBe(DEFAULT_REGISTRATION_LIMITS.pendingPerAddress);
    expect(first.codes).toEqual(new Set(['SLOW_DOWN']));
    expect(rows(host)).toEqual({ stations: before.stations + 3, windows: before.windows + 3 });

    // Unapproved requests expire and take their rows with them; the per-address limit still holds.
    clock.advance(11 * 60_000);
    const second = await flood(host.url, 50);
    expect(second.admitted).toBe(DEFAULT_REGISTRATION_LIMITS.pendingPerAddress);
    expect(rows(host)).toEqual({ stations: before.stations + 3, windows: before.windows + 3 });
  });

  it('answers a refused registration with 429 and a sentence', async () => {
    host = await startTestHost({ registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, localPerMinute: 1 } });
    expect((await register(host.url)).ok).toBe(true);
    const res = await fetch(`${host.url}/window/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'SLOW_DOWN', message: expect.stringMatching(/wait a minute/) } });
  });
});
