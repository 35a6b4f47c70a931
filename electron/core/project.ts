import { deleteOrphanImageData } from './queries/image-queries';
import { deleteOrphanClipChunks } from './motion/clip-chunks';
import path from 'node:path';
import type { Board, Panel, Scene } from '../../shared/domain/board';
import type { AspectRatio, HistoryState, ProjectInfo } from '../../shared/domain/project';
import { closeDatabase, createDatabase, openDatabase, type Db } from './db/connection';
import { CURRENT_SCHEMA_VERSION } from './db/migrations/index';
import { classifyStorageError, CoreError } from './errors';
import { ChangeRecorder } from './history/recorder';
import { historyState, pushHistory, redo, undo } from './history/history';
import { markStalePictures } from './sketch/stale-pictures';
import { toPanel, toProjectInfo, toScene } from './board/to-domain';
import { sceneLabel } from './board/shot-numbers';
import { numberNewPanels } from './board/shot-lock';
import { readProjectRow } from './queries/project-queries';
import { listPanelRows, getPanelRow, panelIndexInScene } from './queries/panel-queries';
import { getSceneRow, listSceneRows, sceneNumber } from './queries/scene-queries';
import { APP_VERSION } from './version';
import { ProjectLock } from './db/project-lock';
import { checkTargetPath } from './files/target-path';

export interface NewProjectOptions {
  title: string;
  aspectRatio?: AspectRatio;
  fps?: number;
  defaultDurationMs?: number;
}

/** An open .boardwright file. Every edit goes through `edit`, one transaction with its undo record. */
export class Project {
  private constructor(
    readonly path: string,
    readonly db: Db,
    /** Null when the project was opened read-only. */
    private readonly lock: ProjectLock | null,
  ) {}

  static create(file: string, opts: NewProjectOptions): Project {
    const abs = checkTargetPath(file);
    const lock = ProjectLock.acquire(abs);
    return withLock(lock, () => new Project(abs, createProjectDatabase(abs, opts), lock));
  }

  /**
   * Opens a project for writing, holding its lock; `readOnly` opens it without the lock (while another
   * process edits it, say), and every edit is then refused as READ_ONLY.
   */
  static open(file: string, opts: { readOnly?: boolean } = {}): Project {
    const abs = path.resolve(file);
    if (opts.readOnly) return new Project(abs, openDatabase(abs, { readOnly: true }), null);
    const lock = ProjectLock.acquire(abs);
    return withLock(lock, () => {
      const db = openDatabase(abs);
      try {
        // Image and clip bytes a crash left without their row (a generated image or a clip stored halfway).
        deleteOrphanImageData(db);
        deleteOrphanClipChunks(db);
      } catch {
        // Only space is at stake; the project opens either way.
      }
      return new Project(abs, db, lock);
    });
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  get name(): string {
    return path.basename(this.path);
  }

  info(): ProjectInfo {
    return toProjectInfo(readProjectRow(this.db), this.path, CURRENT_SCHEMA_VERSION, this.readOnly);
  }

  /** The whole board in reading order: two queries however many panels there are. */
  board(): Board {
    const scenes = listSceneRows(this.db).map((s, i) => ({ ...toScene(s, i + 1), panels: [] as Panel[] }));
    const byId = new Map(scenes.map((s) => [s.id, s]));
    for (const row of listPanelRows(this.db)) {
      const scene = byId.get(row.scene_id)!;
      scene.panels.push(toPanel(row, sceneLabel(scene, scene.number), scene.panels.length));
    }
    return { project: this.info(), scenes };
  }

  scene(id: string): Scene {
    const rows = listSceneRows(this.db);
    const index = rows.findIndex((r) => r.id === id);
    if (index < 0) throw new CoreError('NOT_FOUND', `No scene with id ${id}.`);
    return toScene(rows[index], index + 1);
  }

  panel(id: string): Panel {
    const row = getPanelRow(this.db, id);
    if (!row) throw new CoreError('NOT_FOUND', `No panel with id ${id}.`);
    // Two indexed counts: a shot number must not cost a read of the whole board.
    const scene = getSceneRow(this.db, row.scene_id)!;
    return toPanel(row, sceneLabel(scene, sceneNumber(this.db, scene)), panelIndexInScene(this.db, row));
  }

  requireScene(id: string): void {
    if (!getSceneRow(this.db, id)) throw new CoreError('NOT_FOUND', `No scene with id ${id}.`);
  }

  /**
   * Runs one document edit: the change and its undo record commit together, or not at all.
   * When this returns, the edit is on disk (WAL, synchronous=FULL).
   */
  edit<T>(label: string, fn: (rec: ChangeRecorder) => T): T {
    try {
      return this.db
        .transaction(() => {
          const rec = new ChangeRecorder(this.db);
          const result = fn(rec);
          numberNewPanels(rec, this.db);
          if (rec.changes.length > 0) pushHistory(this.db, label, rec.changes);
          return result;
        })
        .immediate();
    } catch (e) {
      throw classifyStorageError(e, this.name);
    }
  }

  undo(): HistoryState {
    this.guard(() => undo(this.db, (changes) => markStalePictures(this.db, changes)));
    return this.history();
  }

  redo(): HistoryState {
    this.guard(() => redo(this.db, (changes) => markStalePictures(this.db, changes)));
    return this.history();
  }

  history(): HistoryState {
    return historyState(this.db);
  }

  close(): void {
    try {
      closeDatabase(this.db);
    } finally {
      this.lock?.release();
    }
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw classifyStorageError(e, this.name);
    }
  }
}

function createProjectDatabase(file: string, opts: NewProjectOptions): Db {
  return createDatabase(file, (init) => {
    init
      .prepare(
        `INSERT INTO project (id, title, aspect_ratio, fps, default_duration_ms, created_at, created_by_version)
         VALUES (1, ?, ?, ?, ?, ?, ?)`,
      )
      .run(opts.title, opts.aspectRatio ?? '16:9', opts.fps ?? 24, opts.defaultDurationMs ?? 2000, new Date().toISOString(), APP_VERSION);
  });
}

/** Runs `fn` holding `lock`, and lets the lock go if `fn` fails. */
function withLock<T>(lock: ProjectLock, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    lock.release();
    throw e;
  }
}
