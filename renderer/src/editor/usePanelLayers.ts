import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelLayers, SketchLayer, Stroke } from '../../../shared/domain/sketch';
import { loadedPanelLayers, loadPanelLayers } from './layers-load';
import { errorMessage } from '../api/errors';
import { useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { sketchActions } from '../state/sketch-actions';
import type { NewStroke } from './SketchSurface';

interface Pending {
  seq: number;
  layerId: string;
  stroke: Stroke;
}

/** Saved strokes changed (a new stroke in place, or null for gone) and not yet reloaded. */
interface PendingEdit {
  seq: number;
  strokes: ReadonlyMap<string, Stroke | null>;
}

/** The layer a stroke for `layerId` lands on: the same id, or the standard layer a "std:role" id names. */
export function layerFor(layers: readonly SketchLayer[], layerId: string): SketchLayer | undefined {
  return layers.find((l) => l.id === layerId) ?? layers.find((l) => `std:${l.role}` === layerId);
}

/**
 * A panel's reference picture and stroke layers as the core has them (reloaded after every board
 * refresh, so undo and redo show at once), plus the strokes drawn since that are still on their way:
 * they stay on screen, on their layer, until a reload includes them, so nothing flickers. Saved
 * strokes moved, re-worded or deleted (`editStrokes`) show their new state the same way.
 */
export function usePanelLayers(panelId: string) {
  const version = useBoardStore((s) => s.version);
  // Layers that came before the editor first rendered are drawn in that render, not in a second one.
  const [layers, setLayers] = useState<PanelLayers | null>(() => loadedPanelLayers(panelId, version));
  const [pending, setPending] = useState<Pending[]>([]);
  const [edits, setEdits] = useState<PendingEdit[]>([]);
  const seq = useRef(0);
  const confirmed = useRef(0);
  const shownPanel = useRef(panelId);

  useEffect(() => {
    if (shownPanel.current === panelId) return;
    shownPanel.current = panelId;
    setLayers(null);
    setPending([]);
    setEdits([]);
  }, [panelId]);

  useEffect(() => {
    let live = true;
    const upTo = confirmed.current;
    loadPanelLayers(panelId, version)
      .then((l) => {
        if (!live) return;
        setLayers(l);
        setPending((p) => (p.some((x) => x.seq <= upTo) ? p.filter((x) => x.seq > upTo) : p));
        setEdits((p) => (p.some((x) => x.seq <= upTo) ? p.filter((x) => x.seq > upTo) : p));
      })
      .catch((e) => live && useSessionStore.getState().showNotice({ kind: 'error', title: 'Could not load the sketch', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [panelId, version]);

  const addStroke = useCallback(
    (stroke: NewStroke, layerId: string) => {
      const n = ++seq.current;
      setPending((p) => [...p, { seq: n, layerId, stroke: { ...stroke, id: `pending-${n}` } }]);
      void sketchActions
        .addStroke(panelId, stroke, layerId, () => {
          confirmed.current = Math.max(confirmed.current, n);
        })
        .then((ok) => {
          if (!ok) setPending((p) => p.filter((x) => x.seq !== n));
        });
    },
    [panelId],
  );

  /**
   * Saved strokes changed (sketch.updateStrokes), or else deleted (sketch.deleteStrokes): one undo
   * step, shown at once and kept on screen that way until a reload includes it.
   */
  const editStrokes = useCallback(
    (changed: readonly Stroke[], deleted: readonly string[] = []) => {
      if (changed.length > 0) deleted = [];
      else if (deleted.length === 0) return;
      const n = ++seq.current;
      const strokes = new Map<string, Stroke | null>([...changed.map((s) => [s.id, s] as const), ...deleted.map((id) => [id, null] as const)]);
      setEdits((p) => [...p, { seq: n, strokes }]);
      const onSaved = () => void (confirmed.current = Math.max(confirmed.current, n));
      const saving = changed.length ? sketchActions.updateStrokes(panelId, [...changed], onSaved) : sketchActions.deleteStrokes(panelId, [...deleted], onSaved);
      void saving.then((ok) => {
        if (!ok) setEdits((p) => p.filter((x) => x.seq !== n));
      });
    },
    [panelId],
  );

  /** Every stroke layer with its strokes' pending changes, and the strokes still on their way added to it. */
  const drawn = useMemo(() => {
    const all = layers?.layers ?? [];
    return all.map((l) => {
      const mine = pending.filter((p) => layerFor(all, p.layerId) === l);
      const changed = edits.length ? applyEdits(l.strokes, edits) : l.strokes;
      return mine.length || changed !== l.strokes ? { ...l, strokes: [...changed, ...mine.map((p) => p.stroke)] } : l;
    });
  }, [layers, pending, edits]);
  const strokes = useMemo(() => drawn.filter((l) => l.visible).flatMap((l) => l.strokes), [drawn]);
  return { layers, drawn, strokes, pendingCount: pending.length + edits.length, addStroke, editStrokes };
}

/** A layer's strokes with pending edits applied in order (the same array when none touches it). */
function applyEdits(strokes: readonly Stroke[], edits: readonly PendingEdit[]): Stroke[] {
  if (!strokes.some((s) => edits.some((e) => e.strokes.has(s.id)))) return strokes as Stroke[];
  const out: Stroke[] = [];
  for (const s of strokes) {
    let now: Stroke | null = s;
    for (const e of edits) if (e.strokes.has(s.id)) now = e.strokes.get(s.id)!;
    if (now) out.push(now);
  }
  return out;
}
