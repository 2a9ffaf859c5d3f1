import { afterEach } from 'vitest';
import { rmSync } from 'node:fs';
import { openCounter, type Counter, type CounterOptions } from '../helpers/counter.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

/**
 * The box offices and folders a backup test opens, stopped, closed and deleted after each test.
 * `open` composes with the backup timers off (tests call the schedule and the watch themselves)
 * unless the test passes its own compose options.
 */
export function useBackupTest() {
  const counters: Counter[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const c of counters.splice(0)) {
      await c.running.stop();
      if (c.office.records.$client.open) c.dispose();
      else if (c.temp) rmSync(c.temp.dataDir, { recursive: true, force: true });
    }
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });
  return {
    async open(options: CounterOptions = {}): Promise<Counter> {
      const c = await openCounter({ signedIn: 'manager', compose: { backups: { timers: false } }, ...options });
      counters.push(c);
      return c;
    },
    folder(prefix = 'marquee-backup-test-'): string {
      const f = makeTempDir(prefix);
      folders.push(f);
      return f;
    },
  };
}
