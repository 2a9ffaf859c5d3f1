import { accessSync, constants, statSync } from 'node:fs';

/** Why backups cannot go into `folder` (missing, not a folder, not writable), or null when they can. */
export function backupFolderProblem(folder: string): string | null {
  try {
    if (!statSync(folder).isDirectory()) return `The second backup folder ${folder} is a file, not a folder.`;
  } catch {
    return `The second backup folder ${folder} is not there (a USB stick not plugged in, or a network share not connected).`;
  }
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return `The second backup folder ${folder} cannot be written (read-only, or Marquee may not write there).`;
  }
}
