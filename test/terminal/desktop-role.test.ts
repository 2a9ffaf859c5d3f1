import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { chooseDesktopRole, readDesktopRole } from '../../src-main/electron/desktop-role.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';

/** The desktop app's start-up choice: asked once, kept, and not asked when the answer is already plain. */
function dialogAnswering(response: number) {
  const asked: string[] = [];
  return {
    asked,
    dialog: {
      showMessageBox: (options: { buttons?: string[] }) => {
        asked.push(...(options.buttons ?? []));
        return Promise.resolve({ response, checkboxChecked: false });
      },
    } as unknown as Parameters<typeof chooseDesktopRole>[0],
  };
}

it('asks once on a fresh computer, and keeps the answer', async () => {
  const dir = makeTempDir('marquee-role-');
  const first = dialogAnswering(1);
  expect(await chooseDesktopRole(first.dialog, dir, [])).toEqual({ role: 'terminal' });
  expect(first.asked).toEqual(['This computer is the box office', 'Join a box office']);
  const again = dialogAnswering(0);
  expect(await chooseDesktopRole(again.dialog, dir, [])).toEqual({ role: 'terminal' });
  expect(again.asked).toEqual([]);
});

it('a folder with records is a box office, and join details on the command line make a terminal, without asking', async () => {
  const withRecords = makeTempDir('marquee-role-');
  writeFileSync(join(withRecords, 'records.sqlite'), '');
  const quiet = dialogAnswering(1);
  expect(await chooseDesktopRole(quiet.dialog, withRecords, [])).toEqual({ role: 'box-office' });
  const joining = makeTempDir('marquee-role-');
  const argv = ['marquee', '--join', 'https://boxoffice.local:5180', '--fingerprint', 'AB:CD', '--window-name', 'Till 2'];
  expect(await chooseDesktopRole(quiet.dialog, joining, argv)).toEqual({ role: 'terminal', join: { url: 'https://boxoffice.local:5180', fingerprint: 'AB:CD', windowName: 'Till 2' } });
  expect(quiet.asked).toEqual([]);
  expect(readDesktopRole(joining)).toMatchObject({ role: 'terminal' });
});
