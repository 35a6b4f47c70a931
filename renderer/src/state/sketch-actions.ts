import type { Stroke } from '../../../shared/domain/sketch';
import { api } from '../api/client';
import { refresh, run } from './run';

/** Sketch edits from the panel editor. Each is one undo step; the board reloads to show the new thumbnail. */
export const sketchActions = {
  /** Saves one stroke; `onSaved` runs as soon as the core has it (before the board reloads). */
  addStroke: (panelId: string, stroke: Omit<Stroke, 'id'>, layerId: string, onSaved: () => void) =>
    run('Could not save the stroke', async () => {
      await api.call('sketch.addStroke', { panelId, stroke, layerId });
      onSaved();
      await refresh();
      return true;
    }),

  /** Erase by stroke: whole strokes go, as one undo step; `onSaved` runs as soon as the core has it. */
  deleteStrokes: (panelId: string, ids: string[], onSaved?: () => void) =>
    run('Could not erase the strokes', async () => {
      await api.call('sketch.deleteStrokes', { panelId, ids });
      onSaved?.();
      await refresh();
      return true;
    }),

  /** Strokes moved, scaled, turned or re-worded, in place: one undo step; `onSaved` runs as soon as the core has it. */
  updateStrokes: (panelId: string, strokes: Stroke[], onSaved?: () => void) =>
    run('Could not change the strokes', async () => {
      await api.call('sketch.updateStrokes', { panelId, strokes });
      onSaved?.();
      await refresh();
      return true;
    }),

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
