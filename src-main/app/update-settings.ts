import type { BoxOfficeSettings } from '../../src-shared/contract/settings.ts';
import { readBoxOfficeSettings, updateBoxOfficeSettings } from '../admin/settings.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { rebuildRollups } from '../reports/rebuild-rollups.ts';
import type { Actor } from '../staff/actor.ts';

/**
 * Settings saved from the Settings screen. The report rollups file each sale under the venue's
 * local day when it is written, so a new time zone refiles every sale: the rollups are rebuilt
 * from the ledger at once rather than left counting days in the old zone.
 */
export function updateSettings(office: BoxOffice, actor: Actor, changes: Partial<BoxOfficeSettings>): BoxOfficeSettings {
  const zoneBefore = readBoxOfficeSettings(office.records).timeZone;
  const after = updateBoxOfficeSettings(office.records, actor, office.clock.now(), changes);
  if (after.timeZone !== zoneBefore) rebuildRollups(office.records.$client);
  return after;
}
