import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { LayoutInvalidError, parseLayout, type Layout } from './layout-loader.ts';
import type { LayoutProblem } from './layout-problem.ts';
import type { LayoutKind } from './print-data.ts';

export interface LayoutInfo {
  id: string;
  name: string;
  kind: LayoutKind;
  widthDots: number;
  source: 'builtin' | 'user';
  /** A venue file that replaces the built-in of the same id (restoreBuiltin takes it away). */
  overridesBuiltin: boolean;
  /** Set when the file on disk is broken; `get` then serves the last good version, if there was one. */
  problem?: string;
}

interface Entry {
  id: string;
  source: 'builtin' | 'user';
  path: string;
  mtimeMs: number;
  size: number;
  good: Layout | undefined;
  problem: LayoutProblem | undefined;
}

const ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * Built-in layouts (layouts/*.json) and the venue's own (<data>/layouts/*.json; the same id
 * overrides a built-in). A file that turns bad is reported and its last good version keeps printing.
 */
export class LayoutLibrary {
  private readonly builtinDir: string;
  private readonly userDir: string;
  private readonly entries = new Map<string, Entry>();

  constructor(opts: { builtinDir: string; userDir: string }) {
    this.builtinDir = opts.builtinDir;
    this.userDir = opts.userDir;
    this.reload();
  }

  list(): LayoutInfo[] {
    return [...this.entries.values()]
      .map((e): LayoutInfo => {
        const base = e.good ?? { name: e.id, kind: 'ticket' as const, widthDots: 0 };
        return {
          id: e.id,
          name: base.name,
          kind: base.kind,
          widthDots: base.widthDots,
          source: e.source,
          overridesBuiltin: e.source === 'user' && existsSync(join(this.builtinDir, `${e.id}.json`)),
          ...(e.problem ? { problem: e.problem.message } : {}),
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The layout to print with; a changed file is re-read first. */
  get(id: string): Layout {
    let entry = this.entries.get(id);
    if (entry) {
      const st = statSync(entry.path, { throwIfNoEntry: false });
      if (!st || st.mtimeMs !== entry.mtimeMs || st.size !== entry.size) {
        this.reload();
        entry = this.entries.get(id);
      }
    }
    if (!entry) throw new MarqueeError('NOT_FOUND', `There is no layout called '${id}'.`);
    if (!entry.good) throw new LayoutInvalidError(entry.problem!);
    return entry.good;
  }

  /** A file broken on disk whose last good version (read since the app started) still prints. */
  printsLastGood(id: string): boolean {
    const entry = this.entries.get(id);
    return entry?.problem !== undefined && entry.good !== undefined;
  }

  /** The file's text as it is on disk (even when broken), for the editor. */
  text(id: string): string {
    const entry = this.entries.get(id);
    if (!entry) throw new MarqueeError('NOT_FOUND', `There is no layout called '${id}'.`);
    return readFileSync(entry.path, 'utf8');
  }

  /** Re-reads both folders; returns the problems of every broken file. */
  reload(): LayoutProblem[] {
    // A user file replaces a built-in of the same id, so the user folder is listed last.
    const files = new Map<string, { path: string; source: 'builtin' | 'user'; file: string }>();
    for (const [dir, source] of [[this.builtinDir, 'builtin'], [this.userDir, 'user']] as const) {
      for (const file of listJson(dir)) {
        const id = file.slice(0, -'.json'.length);
        if (ID.test(id)) files.set(id, { path: join(dir, file), source, file });
      }
    }
    for (const [id, { path, source, file }] of files) {
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      const previous = this.entries.get(id);
      if (previous && previous.path === path && previous.mtimeMs === st.mtimeMs && previous.size === st.size) continue;
      const entry: Entry = { id, source, path, mtimeMs: st.mtimeMs, size: st.size, good: previous?.good, problem: undefined };
      try {
        entry.good = parseLayout(readFileSync(path, 'utf8'), { id, source, file: this.label(source, file) });
      } catch (e) {
        if (!(e instanceof LayoutInvalidError)) throw e;
        entry.problem = e.problem;
      }
      this.entries.set(id, entry);
    }
    for (const id of [...this.entries.keys()]) if (!files.has(id)) this.entries.delete(id);
    return [...this.entries.values()].flatMap((e) => (e.problem ? [e.problem] : []));
  }

  /** Checks the text first: a broken layout is refused with its problem and nothing is written. */
  save(id: string, text: string): Layout {
    if (!ID.test(id)) {
      throw new MarqueeError('BAD_INPUT', `'${id}' is not a layout id: use lower-case letters, digits and dashes, up to 60.`);
    }
    const file = `${id}.json`;
    const layout = parseLayout(text, { id, source: 'user', file: this.label('user', file) });
    mkdirSync(this.userDir, { recursive: true });
    const path = join(this.userDir, file);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
    const st = statSync(path);
    this.entries.set(id, { id, source: 'user', path, mtimeMs: st.mtimeMs, size: st.size, good: layout, problem: undefined });
    return layout;
  }

  /**
   * Removes the venue's override of a built-in layout, so the built-in prints again from the next
   * job on. Refused for a layout that is only the venue's, because that would delete it outright.
   */
  restoreBuiltin(id: string): void {
    if (!ID.test(id) || !existsSync(join(this.builtinDir, `${id}.json`))) {
      throw new MarqueeError('NOT_FOUND', `There is no built-in layout called '${id}' to restore.`);
    }
    const path = join(this.userDir, `${id}.json`);
    if (!existsSync(path)) throw new MarqueeError('CONFLICT', `The layout '${id}' is already the built-in one; there is nothing to restore.`);
    rmSync(path);
    this.entries.delete(id);
    this.reload();
  }

  // Messages go to windows, maybe on other computers: name the file inside the data folder, never
  // the host machine's absolute path.
  private label(source: 'builtin' | 'user', file: string): string {
    return source === 'builtin' ? `layouts/${file}` : `data folder/layouts/${file}`;
  }
}

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'layout.schema.json')
    .sort();
}
