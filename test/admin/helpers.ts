import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../src-main/api/create-api.ts';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { loadDemo } from '../../src-main/demo/load-demo.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow, type TestWindow } from '../helpers/window.ts';

export const pretixFixture = () => readFileSync(join(sourceRoot, 'test/fixtures/plans/riverside-hall.seating.json'), 'utf8');
export const csvFixture = () => readFileSync(join(sourceRoot, 'test/fixtures/plans/community-hall.csv'), 'utf8');

/** A window of a demo box office on real SQLite, calling procedures as a screen would. */
export interface AdminWorld {
  temp: TempBoxOffice;
  clock: ManualClock;
  api: Dispatcher;
  staffId(name: string): string;
  /** A window signed in as the named demo member. */
  window(name: string, pin: string): Promise<Window>;
  dispose(): void;
}

export type Window = TestWindow;

export function openDemoWorld(now = Date.UTC(2026, 10, 22, 9)): AdminWorld {
  const clock = new ManualClock(now);
  const temp = openTempBoxOffice({ clock });
  loadDemo(temp.office.records, { now });
  const api = createApi(composeForTest(temp.office), { checkOutput: true });
  const staffId = (name: string) =>
    (temp.office.records.$client.prepare('select id from staff where name = ?').get(name) as { id: string } | undefined)?.id ?? '';
  return {
    temp,
    clock,
    api,
    staffId,
    async window(name, pin) {
      const w = openWindow(api);
      await w.signIn(staffId(name), pin);
      return w;
    },
    dispose: () => temp.dispose(),
  };
}

export const MANAGER = ['Morgan Hale', '2468'] as const;
export const CASHIER = ['Priya Shah', '1111'] as const;
