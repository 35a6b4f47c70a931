import type { Panel } from '../../../shared/domain/board';
import type { Project } from '../project';
import { editPanelPicture } from '../commands/panel-picture';
import { findLayer, shot } from '../commands/sketch-commands';
import { addLayer, deleteLayer, mergeDown, moveLayer, setLayer, type LayerPatch } from './layer-ops';

/** Layer edits of the panel editor; each one is one undo step and refreshes the panel's composite. */

export function createLayer(project: Project, panelId: string, name: string, aboveId?: string): Promise<Panel> {
  if (aboveId) findLayer(project, panelId, aboveId);
  return editPanelPicture(project, panelId, `Add layer ${name.trim() || 'Layer'} on ${shot(project, panelId)}`, { layers: addLayer(name, aboveId) });
}

export function changeLayer(project: Project, panelId: string, layerId: string, patch: LayerPatch): Promise<Panel> {
  const layer = findLayer(project, panelId, layerId);
  return editPanelPicture(project, panelId, `${describe(patch, layer.name)} on ${shot(project, panelId)}`, { layers: setLayer(layerId, patch) });
}

export function removeLayer(project: Project, panelId: string, layerId: string): Promise<Panel> {
  const layer = findLayer(project, panelId, layerId);
  return editPanelPicture(project, panelId, `Delete layer ${layer.name} on ${shot(project, panelId)}`, { layers: deleteLayer(layerId) });
}

export function reorderLayer(project: Project, panelId: string, layerId: string, index: number): Promise<Panel> {
  const layer = findLayer(project, panelId, layerId);
  return editPanelPicture(project, panelId, `Move layer ${layer.name} on ${shot(project, panelId)}`, { layers: moveLayer(layerId, index) });
}

export function mergeLayerDown(project: Project, panelId: string, layerId: string): Promise<Panel> {
  const layer = findLayer(project, panelId, layerId);
  return editPanelPicture(project, panelId, `Merge ${layer.name} down on ${shot(project, panelId)}`, { layers: mergeDown(layerId) });
}

/** The undo label of a layer change, in the words the layers panel uses. */
function describe(patch: LayerPatch, name: string): string {
  if (patch.name !== undefined) return `Rename layer ${name} to ${patch.name.trim()}`;
  if (patch.visible !== undefined) return `${patch.visible ? 'Show' : 'Hide'} layer ${name}`;
  if (patch.locked !== undefined) return `${patch.locked ? 'Lock' : 'Unlock'} layer ${name}`;
  return `Opacity of layer ${name}`;
}
