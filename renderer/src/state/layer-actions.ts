import { api } from '../api/client';
import { refresh, run } from './run';

/** Layer edits from the panel editor's layers panel. Each is one undo step; the board reloads after. */
export const layerActions = {
  add: (panelId: string, name: string, aboveId?: string) =>
    run('Could not add the layer', async () => {
      await api.call('layers.add', { panelId, name, aboveId });
      await refresh();
    }),
  update: (panelId: string, layerId: string, patch: { name?: string; visible?: boolean; locked?: boolean; opacity?: number }) =>
    run('Could not change the layer', async () => {
      await api.call('layers.update', { panelId, layerId, ...patch });
      await refresh();
    }),
  remove: (panelId: string, layerId: string) =>
    run('Could not delete the layer', async () => {
      await api.call('layers.delete', { panelId, layerId });
      await refresh();
    }),
  move: (panelId: string, layerId: string, index: number) =>
    run('Could not move the layer', async () => {
      await api.call('layers.move', { panelId, layerId, index });
      await refresh();
    }),
  mergeDown: (panelId: string, layerId: string) =>
    run('Could not merge the layer', async () => {
      await api.call('layers.mergeDown', { panelId, layerId });
      await refresh();
    }),
  clear: (panelId: string, layerId: string) =>
    run('Could not clear the layer', async () => {
      await api.call('sketch.clear', { panelId, layerId });
      await refresh();
    }),
  flipDrawing: (panelId: string) =>
    run('Could not flip the drawing', async () => {
      await api.call('sketch.flip', { panelId });
      await refresh();
    }),
  setReferenceVisible: (panelId: string, visible: boolean) =>
    run('Could not change the reference layer', async () => {
      await api.call('sketch.setImageVisible', { panelId, visible });
      await refresh();
    }),
};
