import { flattenPanel } from './flatten-panel';
import { readPictureState, samePictureInputs } from './picture-state';
import { changeMark } from '../db/change-mark';
import { unsynced } from '../db/unsynced';
import type { Project } from '../project';
import { storeImage } from '../queries/image-queries';
import { deleteUnusedComposites } from '../queries/composite-queries';
import { PanelRasters } from './panel-rasters';

/**
 * Draws panels' composites (the flattened picture of the visible layers that the board, PDF and
 * animatic use) after their layers changed. Derived data: written straight to the panel, outside any
 * undo record. Requests for a panel already being drawn are served by one more drawing of its newest
 * state, so a burst of strokes costs two drawings, not one per stroke. One queue per open project.
 */
export class CompositeQueue {
  private readonly waiting = new Map<string, (() => void)[]>();
  private running = false;
  private readonly listeners = new Set<(panelIds: string[]) => void>();
  private drawn = 0;
  private readonly rasters = new PanelRasters();

  constructor(private readonly project: Project) {}

  /** Resolves once the panel's composite matches its layers as they are now (or the panel is gone). */
  request(panelId: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiting.get(panelId) ?? [];
      list.push(resolve);
      this.waiting.set(panelId, list);
      void this.run();
    });
  }

  /** Draws every composite an undo, a redo or an interrupted session left stale. */
  settle(): Promise<void> {
    const stale = this.project.db.prepare('SELECT id FROM panels WHERE composite_stale = 1').pluck().all() as string[];
    return Promise.all(stale.map((id) => this.request(id))).then(() => undefined);
  }

  /** Called with the panels whose composite was just written (e.g. to tell the board to reload). */
  onWritten(fn: (panelIds: string[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.size > 0) {
        const [panelId, waiters] = this.waiting.entries().next().value as [string, (() => void)[]];
        this.waiting.delete(panelId);
        try {
          if (await this.draw(panelId)) for (const fn of this.listeners) fn([panelId]);
        } catch {
          // A picture that cannot be drawn (a damaged image, the project closed) keeps its last composite
          // and stays marked stale, so the next settle tries again.
        }
        for (const done of waiters) done();
      }
    } finally {
      this.running = false;
    }
  }

  /** Draws one panel's composite; false when there was nothing to write. */
  private async draw(panelId: string): Promise<boolean> {
    const db = this.project.db;
    for (let tries = 0; tries < 5; tries++) {
      if (!db.open || !db.prepare('SELECT 1 FROM panels WHERE id = ?').get(panelId)) return false;
      const mark = changeMark(db);
      const state = readPictureState(this.project, panelId);
      const composite = await flattenPanel(this.project, panelId, state, this.rasters);
      if (!db.open) return false;
      const write = db.transaction(() => {
        if (!db.prepare('SELECT 1 FROM panels WHERE id = ?').get(panelId)) return true;
        // Drawn from layers that changed meanwhile: draw again from the newer ones.
        if (changeMark(db) !== mark && !samePictureInputs(readPictureState(this.project, panelId), state)) return false;
        if (composite) storeImage(db, composite);
        db.prepare('UPDATE panels SET composite_sha256 = ?, composite_stale = 0 WHERE id = ?').run(composite?.sha256 ?? null, panelId);
        return true;
      });
      // Derived data, not synced: a power cut may lose it, and the panel, still marked stale, is drawn again on open.
      const written = unsynced(db, () => write.immediate());
      if (!written) continue;
      if (++this.drawn % COLLECT_EVERY === 0) collect(this.project);
      return true;
    }
    return false;
  }
}

const COLLECT_EVERY = 25;

/** Deletes the composites nothing points at any more (best effort: they only cost space). */
function collect(project: Project): void {
  try {
    project.db.transaction(() => deleteUnusedComposites(project.db)).immediate();
  } catch {
    // The next collection tries again.
  }
}

const queues = new WeakMap<Project, CompositeQueue>();

export function compositeQueue(project: Project): CompositeQueue {
  let q = queues.get(project);
  if (!q) {
    q = new CompositeQueue(project);
    queues.set(project, q);
  }
  return q;
}
