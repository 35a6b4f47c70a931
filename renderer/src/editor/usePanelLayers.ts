import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelLayers, Stroke } from '../../../shared/domain/sketch';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { sketchActions } from '../state/sketch-actions';
import type { NewStroke } from './SketchSurface';

interface Pending {
  seq: number;
  stroke: Stroke;
}

/**
 * A panel's image and strokes as the core has them (reloaded after every board refresh, so undo and
 * redo show at once), plus the strokes drawn since that are still on their way: they stay on screen
 * until a reload includes them, so nothing flickers.
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
    api
      .call('sketch.get', { panelId })
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
    (stroke: NewStroke) => {
      const n = ++seq.current;
      setPending((p) => [...p, { seq: n, stroke: { ...stroke, id: `pending-${n}` } }]);
      void sketchActions
        .addStroke(panelId, stroke, () => {
          confirmed.current = Math.max(confirmed.current, n);
        })
        .then((ok) => {
          if (!ok) setPending((p) => p.filter((x) => x.seq !== n));
        });
    },
    [panelId],
  );

  const strokes = useMemo(() => [...(layers?.strokes ?? []), ...pending.map((p) => p.stroke)], [layers, pending]);
  return { layers, strokes, pendingCount: pending.length, addStroke };
}
