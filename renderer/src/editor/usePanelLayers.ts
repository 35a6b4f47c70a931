import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelLayers, SketchLayer, Stroke } from '../../../shared/domain/sketch';
import { loadPanelLayers } from './layers-load';
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

/** The layer a stroke for `layerId` lands on: the same id, or the standard layer a "std:role" id names. */
export function layerFor(layers: readonly SketchLayer[], layerId: string): SketchLayer | undefined {
  return layers.find((l) => l.id === layerId) ?? layers.find((l) => `std:${l.role}` === layerId);
}

/**
 * A panel's reference picture and stroke layers as the core has them (reloaded after every board
 * refresh, so undo and redo show at once), plus the strokes drawn since that are still on their way:
 * they stay on screen, on their layer, until a reload includes them, so nothing flickers.
 */
export function usePanelLayers(panelId: string) {
  const version = useBoardStore((s) => s.version);
  const [layers, setLayers] = useState<PanelLayers | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const seq = useRef(0);
  const confirmed = useRef(0);

  useEffect(() => {
    setLayers(null);
    setPending([]);
  }, [panelId]);

  useEffect(() => {
    let live = true;
    const upTo = confirmed.current;
    loadPanelLayers(panelId, version)
      .then((l) => {
        if (!live) return;
        setLayers(l);
        setPending((p) => (p.some((x) => x.seq <= upTo) ? p.filter((x) => x.seq > upTo) : p));
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

  /** Every stroke layer with the strokes still on their way added to it. */
  const drawn = useMemo(() => {
    const all = layers?.layers ?? [];
    return all.map((l) => {
      const mine = pending.filter((p) => layerFor(all, p.layerId) === l);
      return mine.length ? { ...l, strokes: [...l.strokes, ...mine.map((p) => p.stroke)] } : l;
    });
  }, [layers, pending]);
  const strokes = useMemo(() => drawn.filter((l) => l.visible).flatMap((l) => l.strokes), [drawn]);
  return { layers, drawn, strokes, pendingCount: pending.length, addStroke };
}
