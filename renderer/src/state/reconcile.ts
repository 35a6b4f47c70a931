import type { Board, Panel, SceneWithPanels } from '../../../shared/domain/board';

function samePanel(a: Panel, b: Panel): boolean {
  for (const k of Object.keys(b) as (keyof Panel)[]) {
    if (k === 'tags') {
      if (a.tags.length !== b.tags.length || a.tags.some((t, i) => t !== b.tags[i])) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * A freshly fetched board that reuses the previous board's panel and scene objects wherever nothing
 * changed, so memoised cards keyed by panel id skip re-rendering after an edit elsewhere.
 */
export function reconcileBoard(prev: Board | null, next: Board | null): Board | null {
  if (!prev || !next) return next;
  const oldPanels = new Map<string, Panel>();
  for (const s of prev.scenes) for (const p of s.panels) oldPanels.set(p.id, p);
  const oldScenes = new Map(prev.scenes.map((s) => [s.id, s]));
  let sameScenes = prev.scenes.length === next.scenes.length;
  const scenes = next.scenes.map((scene, i): SceneWithPanels => {
    const old = oldScenes.get(scene.id);
    let samePanels = !!old && old.panels.length === scene.panels.length;
    const panels = scene.panels.map((p, j) => {
      const before = oldPanels.get(p.id);
      const kept = before && samePanel(before, p) ? before : p;
      if (!old || old.panels[j] !== kept) samePanels = false;
      return kept;
    });
    const sameHead = !!old && old.number === scene.number && old.heading === scene.heading && old.synopsis === scene.synopsis;
    const result = old && sameHead && samePanels ? old : { ...scene, panels };
    if (result !== prev.scenes[i]) sameScenes = false;
    return result;
  });
  if (sameScenes && JSON.stringify(prev.project) === JSON.stringify(next.project)) return prev;
  return { project: JSON.stringify(prev.project) === JSON.stringify(next.project) ? prev.project : next.project, scenes };
}
