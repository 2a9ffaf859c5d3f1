import type { MarqueeBridge } from '../src-shared/contract/index.ts';

declare global {
  interface Window {
    /** Present only in the desktop app, put there by the preload. */
    marquee?: MarqueeBridge;
  }
}
