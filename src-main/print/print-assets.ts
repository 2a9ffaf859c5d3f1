import { join } from 'node:path';
import { LayoutLibrary, LogoStore } from './render/index.ts';

export interface PrintAssets {
  layouts: LayoutLibrary;
  logos: LogoStore;
  /** The folder of the printer font's glyph atlas (resources/ once packaged). */
  fontDir: string;
}

/** Where a box office keeps what printing draws with: its built-ins and the venue's own files. */
export interface PrintAssetFolders {
  /** Built-in layouts (the source tree's layouts/, or resources/ once packaged). */
  layoutsDir: string;
  /** Built-in logos and fonts. */
  assetsDir: string;
  /** The venue's own layouts and logos go to <dataDir>/layouts and <dataDir>/logos. */
  dataDir: string;
}

/**
 * The one layout library and logo store of a running box office, shared by the editor's
 * procedures and the print queue, so a layout saved or restored on the Layouts screen prints on
 * the very next job without a restart. Made once by src-main/app/compose.ts and handed to both.
 */
export function openPrintAssets(folders: PrintAssetFolders): PrintAssets {
  return {
    layouts: new LayoutLibrary({ builtinDir: folders.layoutsDir, userDir: join(folders.dataDir, 'layouts') }),
    logos: new LogoStore({ builtinDir: join(folders.assetsDir, 'logos'), userDir: join(folders.dataDir, 'logos') }),
    fontDir: join(folders.assetsDir, 'fonts'),
  };
}
