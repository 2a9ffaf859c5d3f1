import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sourceAssetsDir, sourceLayoutsDir } from '../../../src-main/paths.ts';
import { LayoutLibrary, LogoStore, type PrinterProfile } from '../../../src-main/print/render/index.ts';
import { makeTempDir } from '../../helpers/temp-box-office.ts';

export interface RenderKit {
  dir: string;
  layouts: LayoutLibrary;
  logos: LogoStore;
  dispose(): void;
}

/** The real built-in layouts and logos, with the venue's folders in a fresh temp dir. */
export function openRenderKit(): RenderKit {
  const dir = makeTempDir('marquee-render-');
  return {
    dir,
    layouts: new LayoutLibrary({ builtinDir: sourceLayoutsDir, userDir: join(dir, 'layouts') }),
    logos: new LogoStore({ builtinDir: join(sourceAssetsDir, 'logos'), userDir: join(dir, 'logos') }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const epson = (widthDots: number, characterSet = 'PC858_EURO'): PrinterProfile => ({ type: 'epson', widthDots, characterSet });

/** node-thermal-printer wants an interface even to build a buffer; this one is never connected. */
export const NEVER_CONNECTED = 'tcp://127.0.0.1:9';
