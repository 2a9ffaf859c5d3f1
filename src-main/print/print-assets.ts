import { join } from 'node:path';
import type { BoxOffice } from '../core/box-office.ts';
import { LayoutLibrary, LogoStore } from './render/index.ts';

export interface PrintAssets {
  layouts: LayoutLibrary;
  logos: LogoStore;
}

const perOffice = new WeakMap<BoxOffice, PrintAssets>();

/**
 * One layout library and logo store per open box office, shared by the editor's procedures and
 * the print queue, so a layout saved or restored on the Layouts screen prints on the very next
 * job without a restart. Built-ins come from the office's layouts and assets folders (resources/
 * once packaged), the venue's own from <data>/layouts and <data>/logos.
 */
export function printAssets(office: BoxOffice): PrintAssets {
  let assets = perOffice.get(office);
  if (!assets) {
    assets = {
      layouts: new LayoutLibrary({ builtinDir: office.layoutsDir, userDir: join(office.dataDir, 'layouts') }),
      logos: new LogoStore({ builtinDir: join(office.assetsDir, 'logos'), userDir: join(office.dataDir, 'logos') }),
    };
    perOffice.set(office, assets);
  }
  return assets;
}
