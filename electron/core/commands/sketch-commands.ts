import type { Panel } from '../../../shared/domain/board';
import type { PanelLayers, Stroke } from '../../../shared/domain/sketch';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { imageSize } from '../queries/layer-queries';
import { newId } from './ids';
import { editPanelPicture, readPictureState } from './panel-picture';
import { requirePanel } from './panel-commands';

/** What the panel editor draws: the image layer and the strokes over it. */
export function getPanelLayers(project: Project, panelId: string): PanelLayers {
  requirePanel(project, panelId);
  const state = readPictureState(project, panelId);
  const size = state.imageSha ? imageSize(project.db, state.imageSha) : undefined;
  return {
    panelId,
    image: state.imageSha && size ? { sha256: state.imageSha, width: size.width, height: size.height, opacity: state.imageOpacity, visible: true } : null,
    layers: [],
    strokes: state.strokes,
  };
}

/** Pointer coordinates far below a pixel at 4K are noise; rounding keeps the stored strokes compact. */
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Adds one stroke over the panel's picture: one undo step, and the flattened composite is redrawn. */
export async function addStroke(project: Project, panelId: string, stroke: Omit<Stroke, 'id'>): Promise<Panel> {
  const kept: Stroke = {
    id: newId(),
    tool: stroke.tool,
    color: stroke.color.toLowerCase(),
    size: stroke.size,
    opacity: stroke.opacity,
    points: stroke.points.map(([x, y, p]) => [round(x, 5), round(y, 5), round(p, 3)]),
  };
  const label = stroke.tool === 'eraser' ? `Erase on ${shot(project, panelId)}` : `Stroke on ${shot(project, panelId)}`;
  return editPanelPicture(project, panelId, label, { sketch: { add: kept } });
}

export async function clearSketch(project: Project, panelId: string): Promise<Panel> {
  return editPanelPicture(project, panelId, `Clear sketch on ${shot(project, panelId)}`, { sketch: 'clear' });
}

/** Fades the image under the sketch (0 = paper only, 1 = full strength); thumbnails follow. */
export async function setImageOpacity(project: Project, panelId: string, opacity: number): Promise<Panel> {
  const label = `Image opacity of ${shot(project, panelId)}`;
  if (!readPictureState(project, panelId).imageSha) {
    throw new CoreError('BAD_INPUT', `Panel ${shot(project, panelId)} has no image, so there is no image opacity to set.`);
  }
  return editPanelPicture(project, panelId, label, { imageOpacity: opacity });
}

/** The panel's shot number, or NOT_FOUND when it does not exist. */
function shot(project: Project, panelId: string): string {
  return project.panel(panelId).shotNumber;
}
