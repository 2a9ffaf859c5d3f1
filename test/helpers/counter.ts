import { createApi } from '../../src-main/api/create-api.ts';
import type { ComposeOptions, RunningBoxOffice } from '../../src-main/app/compose.ts';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import type { BoxOffice, BoxOfficeOptions } from '../../src-main/core/box-office.ts';
import { Till } from '../../src-main/shifts/till.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { seedShow, seedStaff, type ShowFixture, type ShowOptions, type StaffFixture } from '../sales/fixtures.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from './temp-box-office.ts';
import { openWindow, type ContractCalls, type TestWindow } from './window.ts';

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
  /**
   * Open a shift (float 100.00) through the contract at each window `signInAs` signs someone in at,
   * unless one is open there already, so the window may take cash (cash needs an open shift:
   * docs/cash-up.md). True by default; false for a test of shifts themselves.
   */
  shift?: boolean;
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

/** The float of the shift a test window opens (100.00). */
export const SHIFT_FLOAT = 10_000;

/** A shift open for `actor` at its window, straight through the till: for rigs that drive the app layer without the contract. */
export function openShiftFor(office: BoxOffice, actor: Actor): void {
  const till = new Till({ records: office.records, clock: office.clock });
  if (!till.openShiftAt(actor.stationId)) till.open(actor, { amountMinor: SHIFT_FLOAT });
}

/** A shift open at a window driven through the contract (in process or over HTTP), so it may take cash. */
export async function openShiftAt(window: Pick<ContractCalls, 'call'>): Promise<void> {
  await window.call('openShift', { amountMinor: SHIFT_FLOAT });
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
    if (options.shift !== false && !(await window.call('currentShift', {})).shift) await openShiftAt(window);
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
