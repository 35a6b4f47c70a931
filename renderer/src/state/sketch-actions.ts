import type { Stroke } from '../../../shared/domain/sketch';
import { api } from '../api/client';
import { refresh, run } from './run';

/** Runs one stroke edit: `onSaved` as soon as the core has it (before the board reloads), then the reload. */
const strokeEdit = (failure: string, call: () => Promise<unknown>, onSaved?: () => void) =>
  run(failure, async () => {
    await call();
    onSaved?.();
    await refresh();
    return true;
  });

/** Sketch edits from the panel editor. Each is one undo step; the board reloads to show the new thumbnail. */
export const sketchActions = {
  /** Saves one stroke. */
  addStroke: (panelId: string, stroke: Omit<Stroke, 'id'>, layerId: string, onSaved: () => void) =>
    strokeEdit('Could not save the stroke', () => api.call('sketch.addStroke', { panelId, stroke, layerId }), onSaved),

  /** Erase by stroke: whole strokes go, as one undo step. */
  deleteStrokes: (panelId: string, ids: string[], onSaved?: () => void) =>
    strokeEdit('Could not erase the strokes', () => api.call('sketch.deleteStrokes', { panelId, ids }), onSaved),

  /** Strokes moved, scaled, turned or re-worded, in place: one undo step. */
  updateStrokes: (panelId: string, strokes: Stroke[], onSaved?: () => void) =>
    strokeEdit('Could not change the strokes', () => api.call('sketch.updateStrokes', { panelId, strokes }), onSaved),

  clear: (panelId: string) =>
    run('Could not clear the sketch', async () => {
      await api.call('sketch.clear', { panelId });
      await refresh();
    }),

  setImageOpacity: (panelId: string, opacity: number) =>
    run('Could not change the image opacity', async () => {
      await api.call('sketch.setImageOpacity', { panelId, opacity });
      await refresh();
    }),
};
