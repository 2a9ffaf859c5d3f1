import type Database from 'better-sqlite3';
import { newId } from '../sales/ids.ts';
import type { ExportJob, ExportJobState, ExportRequest, SavedExport } from '../../src-shared/contract/exports.ts';

/** A job as kept in station.sqlite (export_jobs), before the host adds its download path. */
export type StoredJob = Omit<ExportJob, 'downloadPath'>;

interface JobRow {
  id: string;
  request: string;
  state: ExportJobState;
  progress: number;
  requested_at: number;
  requested_by: string;
  started_at: number | null;
  finished_at: number | null;
  rows: number | null;
  bytes: number | null;
  file_name: string | null;
  failure: string | null;
}

const LISTED = 50;

function jobOf(r: JobRow): StoredJob {
  return {
    id: r.id,
    request: JSON.parse(r.request) as ExportRequest,
    state: r.state,
    progress: r.progress,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rows: r.rows,
    bytes: r.bytes,
    fileName: r.file_name,
    failure: r.failure,
  };
}

/**
 * The durable queue: each request is a row before anything runs; the oldest waiting one runs
 * next. Plain statements on station.sqlite (the machine's own database: a job belongs to the host
 * that writes its file).
 */
export class ExportQueue {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = {
      add: db.prepare(`INSERT INTO export_jobs (id, request, state, progress, requested_at, requested_by) VALUES (?, ?, 'waiting', 0, ?, ?)`),
      get: db.prepare(`SELECT * FROM export_jobs WHERE id = ?`),
      list: db.prepare(`SELECT * FROM export_jobs ORDER BY requested_at DESC, id DESC LIMIT ${LISTED}`),
      anyWaiting: db.prepare(`SELECT 1 FROM export_jobs WHERE state = 'waiting' LIMIT 1`).pluck(),
      next: db.prepare(`SELECT * FROM export_jobs WHERE state = 'waiting' ORDER BY requested_at, id LIMIT 1`),
      running: db.prepare(`UPDATE export_jobs SET state = 'running', progress = 0, started_at = ? WHERE id = ? AND state = 'waiting'`),
      progress: db.prepare(`UPDATE export_jobs SET progress = ? WHERE id = ? AND state = 'running'`),
      done: db.prepare(`UPDATE export_jobs SET state = 'done', progress = 1, finished_at = ?, rows = ?, bytes = ?, file_name = ? WHERE id = ? AND state = 'running'`),
      failed: db.prepare(`UPDATE export_jobs SET state = 'failed', finished_at = ?, failure = ? WHERE id = ? AND state = 'running'`),
      cancel: db.prepare(`UPDATE export_jobs SET state = 'cancelled', finished_at = ? WHERE id = ? AND state IN ('waiting', 'running')`),
      interrupted: db.prepare(`UPDATE export_jobs SET state = 'waiting', progress = 0, started_at = NULL WHERE state = 'running' RETURNING id`).pluck(),
      save: db.prepare(`INSERT INTO saved_exports (id, name, request, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET request = excluded.request, saved_at = excluded.saved_at, saved_by = excluded.saved_by`),
      savedByName: db.prepare(`SELECT * FROM saved_exports WHERE name = ?`),
      saved: db.prepare(`SELECT * FROM saved_exports WHERE id = ?`),
      savedList: db.prepare(`SELECT * FROM saved_exports ORDER BY name COLLATE NOCASE`),
      unsave: db.prepare(`DELETE FROM saved_exports WHERE id = ?`),
    };
  }

  add(request: ExportRequest, requestedBy: string, now: number): StoredJob {
    const id = newId(now);
    this.st.add.run(id, JSON.stringify(request), now, requestedBy);
    return this.get(id)!;
  }

  get(id: string): StoredJob | null {
    const row = this.st.get.get(id) as JobRow | undefined;
    return row ? jobOf(row) : null;
  }

  list(): StoredJob[] {
    return (this.st.list.all() as JobRow[]).map(jobOf);
  }

  hasWaiting(): boolean {
    return this.st.anyWaiting.get() !== undefined;
  }

  /** The oldest waiting job, claimed as running; null when none waits. */
  claimNext(now: number): StoredJob | null {
    const row = this.st.next.get() as JobRow | undefined;
    if (!row || this.st.running.run(now, row.id).changes === 0) return null;
    return this.get(row.id);
  }

  setProgress(id: string, progress: number): void {
    this.st.progress.run(progress, id);
  }

  finish(id: string, now: number, result: { rows: number; bytes: number; fileName: string }): void {
    this.st.done.run(now, result.rows, result.bytes, result.fileName, id);
  }

  fail(id: string, now: number, sentence: string): void {
    this.st.failed.run(now, sentence, id);
  }

  /** False when the job had already finished, failed or been cancelled. */
  cancel(id: string, now: number): boolean {
    return this.st.cancel.run(now, id).changes > 0;
  }

  /** At start: jobs a stop cut off go back to waiting, to run again from the beginning. */
  requeueInterrupted(): string[] {
    return this.st.interrupted.all() as string[];
  }

  save(name: string, request: ExportRequest, savedBy: string, now: number): SavedExport {
    this.st.save.run(newId(now), name, JSON.stringify(request), now, savedBy);
    return savedOf(this.st.savedByName.get(name) as SavedRow);
  }

  saved(id: string): SavedExport | null {
    const row = this.st.saved.get(id) as SavedRow | undefined;
    return row ? savedOf(row) : null;
  }

  savedList(): SavedExport[] {
    return (this.st.savedList.all() as SavedRow[]).map(savedOf);
  }

  unsave(id: string): boolean {
    return this.st.unsave.run(id).changes > 0;
  }
}

interface SavedRow {
  id: string;
  name: string;
  request: string;
  saved_at: number;
  saved_by: string;
}

function savedOf(r: SavedRow): SavedExport {
  return { id: r.id, name: r.name, request: JSON.parse(r.request) as ExportRequest, savedAt: r.saved_at, savedBy: r.saved_by };
}
