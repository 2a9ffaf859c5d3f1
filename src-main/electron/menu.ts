import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: quitting, the edit roles (so copy and paste work in text fields on macOS) and
 * full screen. Reload and developer tools only while developing, so a cashier cannot reach them.
 */
export function menuTemplate(platform: string, development: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ role: 'togglefullscreen' }];
  if (development) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const first: MenuItemConstructorOptions =
    platform === 'darwin' ? { role: 'appMenu' } : { label: 'File', submenu: [{ role: 'quit' }] };
  return [
    first,
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
