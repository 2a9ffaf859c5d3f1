import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { decodeImage, dither, scaleGrey, sniffImage, type ImageType } from './images.ts';
import type { DitherMethod, Raster1Bit } from './types.ts';

export interface LogoInfo {
  name: string;
  source: 'builtin' | 'user';
  fileName: string;
  type: ImageType;
  bytes: number;
}

const EXTENSIONS: Record<string, ImageType> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', svg: 'svg' };
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Taller rasters than this are scaled down: a logo should not print a metre of paper. */
const MAX_LOGO_HEIGHT = 1200;

interface Source {
  info: LogoInfo;
  path: string;
  mtimeMs: number;
  size: number;
  hash: string;
  rasters: Map<string, Raster1Bit>;
}

/**
 * Built-in logos (assets/logos) and the venue's own (<data>/logos). Rasters are made once per
 * width and dither, kept in memory and on disk (<data>/logos/.cache, keyed by the file's hash).
 */
export class LogoStore {
  private readonly builtinDir: string;
  private readonly userDir: string;
  private readonly cacheDir: string;
  private readonly sources = new Map<string, Source>();

  constructor(opts: { builtinDir: string; userDir: string }) {
    this.builtinDir = opts.builtinDir;
    this.userDir = opts.userDir;
    this.cacheDir = join(opts.userDir, '.cache');
  }

  /** The folders it reads: a render worker opens a store on the same ones. */
  get folders(): { builtinDir: string; userDir: string } {
    return { builtinDir: this.builtinDir, userDir: this.userDir };
  }

  list(): LogoInfo[] {
    const byName = new Map<string, LogoInfo>();
    for (const [dir, source] of [[this.builtinDir, 'builtin'], [this.userDir, 'user']] as const) {
      for (const entry of listImages(dir)) {
        if (source === 'user' && byName.get(entry.name)?.source === 'builtin') continue;
        byName.set(entry.name, { ...entry, source });
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Checks the image fully (type, size, that it decodes) before anything is written. */
  add(name: string, bytes: Buffer, fileName: string, ditherMethod: DitherMethod = 'atkinson'): LogoInfo {
    this.checkName(name);
    checkLogoFile(bytes, fileName, ditherMethod);
    return this.save(name, bytes, fileName);
  }

  /**
   * Refuses a name that is not a logo name or that belongs to a built-in, before any image work.
   * The API's addLogo checks this first, then has the render worker decode the file
   * (checkLogoFile), then saves it: the decoding of a stranger's file never runs on the request thread.
   */
  checkName(name: string): void {
    if (!NAME.test(name)) {
      throw new MarqueeError('BAD_INPUT', `'${name}' is not a logo name: use lower-case letters, digits and dashes, up to 40.`);
    }
    if (listImages(this.builtinDir).some((e) => e.name === name)) {
      throw new MarqueeError('CONFLICT', `'${name}' is a built-in logo; give the new logo another name.`);
    }
  }

  /** Writes a logo file that checkLogoFile has already accepted (the name is checked again here). */
  save(name: string, bytes: Buffer, fileName: string): LogoInfo {
    this.checkName(name);
    const type = sniffImage(bytes, fileName);
    mkdirSync(this.userDir, { recursive: true });
    const ext = type === 'jpeg' ? 'jpg' : type;
    const target = join(this.userDir, `${name}.${ext}`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
    for (const other of ['png', 'jpg', 'jpeg', 'svg']) {
      if (other !== ext) rmSync(join(this.userDir, `${name}.${other}`), { force: true });
    }
    this.sources.delete(name);
    return { name, source: 'user', fileName: `${name}.${ext}`, type, bytes: bytes.length };
  }

  /** The logo at `widthDots` wide (height follows the aspect ratio), dithered to 1 bit. */
  raster(name: string, widthDots: number, ditherMethod: DitherMethod): Raster1Bit {
    const source = this.source(name);
    const key = `${widthDots}|${ditherMethod}`;
    const cached = source.rasters.get(key);
    if (cached) return cached;

    const cacheFile = join(this.cacheDir, `${source.hash}-${widthDots}-${ditherMethod}.r1`);
    let raster = readRasterFile(cacheFile);
    if (!raster) {
      raster = logoRaster(readFileSync(source.path), source.info.fileName, widthDots, ditherMethod);
      try {
        mkdirSync(this.cacheDir, { recursive: true });
        writeRasterFile(cacheFile, raster);
      } catch {
        // A read-only data folder only costs speed: the memory cache still holds it.
      }
    }
    source.rasters.set(key, raster);
    return raster;
  }

  private source(name: string): Source {
    const known = this.sources.get(name);
    if (known) {
      const st = statSync(known.path, { throwIfNoEntry: false });
      if (st && st.mtimeMs === known.mtimeMs && st.size === known.size) return known;
      this.sources.delete(name);
    }
    const info = this.list().find((l) => l.name === name);
    if (!info) throw new MarqueeError('NOT_FOUND', `There is no logo called '${name}'.`);
    const path = join(info.source === 'builtin' ? this.builtinDir : this.userDir, info.fileName);
    const st = statSync(path);
    const hash = createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 16);
    const source: Source = { info, path, mtimeMs: st.mtimeMs, size: st.size, hash, rasters: new Map() };
    this.sources.set(name, source);
    return source;
  }
}

/**
 * An image as a logo prints: scaled to `widthDots` (shorter if it would be taller than
 * MAX_LOGO_HEIGHT) and dithered to 1 bit. Also previews a file before it is added.
 */
export function logoRaster(bytes: Buffer, fileName: string, widthDots: number, ditherMethod: DitherMethod): Raster1Bit {
  sniffImage(bytes, fileName);
  const grey = decodeImage(bytes, fileName, widthDots);
  let width = widthDots;
  const height = Math.round((grey.height * width) / grey.width);
  if (height > MAX_LOGO_HEIGHT) width = Math.max(8, Math.floor((width * MAX_LOGO_HEIGHT) / height));
  return dither(scaleGrey(grey, width), ditherMethod);
}

/** The whole pipeline a logo goes through, once, at the paper width: proves the file decodes and dithers within the limits. */
export function checkLogoFile(bytes: Buffer, fileName: string, ditherMethod: DitherMethod): void {
  logoRaster(bytes, fileName, 576, ditherMethod);
}

function listImages(dir: string): Array<Omit<LogoInfo, 'source'>> {
  if (!existsSync(dir)) return [];
  const out: Array<Omit<LogoInfo, 'source'>> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const m = /^(.+)\.([a-z]+)$/.exec(entry.name);
    const type = m ? EXTENSIONS[m[2]!] : undefined;
    if (!entry.isFile() || !m || !type || !NAME.test(m[1]!)) continue;
    out.push({ name: m[1]!, fileName: entry.name, type, bytes: statSync(join(dir, entry.name)).size });
  }
  return out;
}

const MAGIC = Buffer.from('MQR1');

function writeRasterFile(path: string, r: Raster1Bit): void {
  const header = Buffer.alloc(8);
  MAGIC.copy(header, 0);
  header.writeUInt16LE(r.width, 4);
  header.writeUInt16LE(r.height, 6);
  // The render worker shares the process id and the cache folder: the thread id keeps temp files apart.
  const temp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temp, Buffer.concat([header, r.data]));
  renameSync(temp, path);
}

function readRasterFile(path: string): Raster1Bit | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length < 8 || !bytes.subarray(0, 4).equals(MAGIC)) return undefined;
  const width = bytes.readUInt16LE(4);
  const height = bytes.readUInt16LE(6);
  const bytesPerRow = Math.ceil(width / 8);
  if (bytes.length !== 8 + bytesPerRow * height) return undefined;
  return { width, height, bytesPerRow, data: new Uint8Array(bytes.subarray(8)) };
}
