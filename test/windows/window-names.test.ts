import { afterEach, describe, expect, it } from 'vitest';
import { PairedWindows } from '../../src-main/windows/paired-windows.ts';
import { nextBoxOfficeName } from '../../src-main/windows/window-names.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

/** One name per window, a cashier's kind of name (issue 11, item 8): "Box office 2", never "Window XC90". */
let temp: TempBoxOffice | undefined;
afterEach(() => {
  temp?.dispose();
  temp = undefined;
});

describe('window names', () => {
  it('gives a window that asks for no name the first free "Box office N"', () => {
    expect(nextBoxOfficeName([])).toBe('Box office 1');
    expect(nextBoxOfficeName(['Box office 1', 'box office 3', 'Bar'])).toBe('Box office 2');
  });

  it('names registered windows Box office 2, 3 … after the host station, and keeps a name that was asked for', () => {
    temp = openTempBoxOffice({ stationName: 'Box office 1' });
    const windows = new PairedWindows(temp.office.records, temp.office.clock);
    const a = windows.register({ kind: 'local', name: '', address: '127.0.0.1' });
    const b = windows.register({ kind: 'local', name: undefined, address: '127.0.0.1' });
    const c = windows.register({ kind: 'local', name: 'Foyer desk', address: '127.0.0.1' });
    expect([a.standing.name, b.standing.name, c.standing.name]).toEqual(['Box office 2', 'Box office 3', 'Foyer desk']);
    // The stations row (what paper, the audit log and the screen read) holds the same name.
    const row = temp.office.records.$client.prepare('select name from stations where id = ?').pluck().get(a.standing.stationId);
    expect(row).toBe('Box office 2');
  });
});
