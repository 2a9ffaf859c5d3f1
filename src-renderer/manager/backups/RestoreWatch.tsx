import { useEffect } from 'react';
import { bridge } from '../../transport/api.ts';
import { reloadWindow } from './restore-words.ts';

/** Mounted once per signed-in window: when a backup is restored, the window reloads to show it. */
export function RestoreWatch() {
  useEffect(() => bridge.on('boxOfficeRestored', reloadWindow), []);
  return null;
}
