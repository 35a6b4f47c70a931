import { useEffect, useRef } from 'react';
import type { SketchLayer, Stroke } from '../../../../shared/domain/sketch';
import { api } from '../../api/client';
import { refresh, run } from '../../state/run';
import { useSessionStore } from '../../state/session-store';
import { isTextEntry } from '../../util/platform';
import { selectedOn, useSelectionStore } from '../select/selection-store';

/** Strokes copied in the panel editor, kept while the app runs (the system clipboard holds no strokes). */
let copied: { strokes: Omit<Stroke, 'id'>[]; from: string } | null = null;

/**
 * Ctrl/Cmd+C copies the active layer's strokes (only the selected ones when the selection tool holds
 * some); Ctrl/Cmd+V pastes them onto the active layer of the panel being edited (this one or another),
 * as one undo step.
 */
export function useStrokeClipboard(panelId: string, active: SketchLayer | null, shot: string): void {
  const ref = useRef({ panelId, active, shot });
  ref.current = { panelId, active, shot };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || isTextEntry(e.target) || useSessionStore.getState().dialog) return;
      const key = e.key.toLowerCase();
      const { panelId: id, active: layer, shot: name } = ref.current;
      if (!layer || (key !== 'c' && key !== 'v')) return;
      e.preventDefault();
      if (key === 'c') {
        const picked = selectedOn(useSelectionStore.getState(), layer.id);
        const strokes = layer.strokes.filter((s) => !s.id.startsWith('pending-') && (picked.size === 0 || picked.has(s.id))).map(({ id: _id, ...s }) => s);
        copied = { strokes, from: `${layer.name} of ${name}` };
        useSessionStore.getState().showNotice({ kind: 'info', title: 'Copied', message: `${strokes.length} ${strokes.length === 1 ? 'stroke' : 'strokes'} from ${copied.from}. Ctrl+V pastes them onto the active layer of any panel.` });
      } else if (copied && copied.strokes.length > 0) {
        const strokes = copied.strokes;
        void run('Could not paste the strokes', async () => {
          await api.call('sketch.addStrokes', { panelId: id, strokes, layerId: layer.id });
          await refresh();
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
