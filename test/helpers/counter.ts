import { createApi } from '../../src-main/api/create-api.ts';
import type { ComposeOptions, RunningBoxOffice } from '../../src-main/app/compose.ts';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import type { BoxOffice, BoxOfficeOptions } from '../../src-main/core/box-office.ts';
import { seedShow, seedStaff, type ShowFixture, type ShowOptions, type StaffFixture } from '../sales/fixtures.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from './temp-box-office.ts';
import { openWindow, type TestWindow } from './window.ts';

/** Someone the fixture staff can sign in as. */
export type StaffRole = 'cashier' | 'manager' | 'admin';

export interface CounterOptions {
  /** Serve this office instead of a fresh temp one; the caller closes it. */
  office?: BoxOffice;
  /** Options for the fresh temp office (clock, station name, ...). */
  boxOffice?: Partial<BoxOfficeOptions>;
  /** Serve this running box office (and its office; the caller stops and closes them); by default one is composed. */
  running?: RunningBoxOffice;
  /** How the running box office is composed (print service options, ...), when `running` is not given. */
  compose?: ComposeOptions;
  /** Put a small show on sale (seedShow); its options, or true for the defaults. */
  show?: boolean | ShowOptions;
  /** Who is signed in at the till when it opens; null for nobody. Cashier by default. */
  signedIn?: StaffRole | null;
}

/**
 * A box office with staff, served by the real dispatcher, and its own window (the till) signed in:
 * what most API-level tests stand at. The one place tests open a signed-in box office.
 */
export interface Counter {
  /** The temp office, or null when the caller passed its own. */
  temp: TempBoxOffice | null;
  office: BoxOffice;
  /** The running box office the api serves: its one engine (`running.engine()`), print service, assets. */
  running: RunningBoxOffice;
  api: Dispatcher;
  people: StaffFixture;
  /** The seeded show; asking for it when none was seeded is a mistake in the test. */
  readonly show: ShowFixture;
  /** The office's own window. */
  till: TestWindow;
  /** Hand a window (the till by default) to someone else: a real sign-in through the contract. */
  signInAs(role: StaffRole, window?: TestWindow): Promise<void>;
  /**
   * Close and delete the temp office (nothing when the caller passed its own). A test that
   * printed stops `running` first (`await counter.running.stop()`).
   */
  dispose(): void;
}

export async function openCounter(options: CounterOptions = {}): Promise<Counter> {
  const given = options.running?.office ?? options.office;
  const temp = given ? null : openTempBoxOffice(options.boxOffice);
  const office = given ?? temp!.office;
  const people = seedStaff(office);
  const seeded = options.show ? seedShow(office, options.show === true ? {} : options.show) : null;
  const running = options.running ?? composeForTest(office, options.compose);
  const api = createApi(running, { checkOutput: true });
  const till = openWindow(api, office.identity.id);
  const signInAs = async (role: StaffRole, window: TestWindow = till) => {
    await window.signIn(people[role].staffId, people.pins[role]);
  };
  const signedIn = options.signedIn === undefined ? 'cashier' : options.signedIn;
  if (signedIn) await signInAs(signedIn);
  return {
    temp,
    office,
    running,
    api,
    people,
    get show() {
      if (!seeded) throw new Error('this counter was opened without a show (pass show: true)');
      return seeded;
    },
    till,
    signInAs,
    dispose: () => temp?.dispose(),
  };
}
