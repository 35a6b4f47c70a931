import type { Panel } from '../../../shared/domain/board';
import type { PanelLayers, Stroke } from '../../../shared/domain/sketch';
import { encodeLayersBody, type LayersBodyHeader } from '../../../shared/domain/sketch-pack';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { strokeId, virtualLayerId } from '../sketch/layer-ids';
import sharp from 'sharp';
import { prepareImage } from '../media/image-import';
import { readImageBytes } from '../queries/image-queries';
import { getLayer, imageSize } from '../queries/layer-queries';
import { readLayerRecords } from '../sketch/packed-layers';
import { keepReplacedPicture } from './image-commands';
import { addStrokes, clearLayer, deleteStrokes, mirrorStrokes, replaceStrokes } from '../sketch/layer-ops';
import { layerIndex, type LayerState } from '../sketch/layer-state';
import { editPanelPicture, readPictureState } from './panel-picture';
import { requirePanel } from './panel-commands';

/** What the panel editor draws: the reference picture and the stroke layers over it. */
export function getPanelLayers(project: Project, panelId: string): PanelLayers {
  requirePanel(project, panelId);
  const state = readPictureState(project, panelId);
  const size = state.imageSha ? imageSize(project.db, state.imageSha) : undefined;
  const layers = state.layers.map((l) => ({
    id: l.id,
    role: l.role,
    name: l.name,
    visible: l.visible,
    locked: l.locked,
    opacity: l.opacity,
    strokes: l.strokes.map((s) => ({ ...s.stroke, id: strokeId(l.id, s.seq) })),
  }));
  return {
    panelId,
    image: state.imageSha && size ? { sha256: state.imageSha, width: size.width, height: size.height, opacity: state.imageOpacity, visible: state.imageVisible } : null,
    layers,
  };
}

/** The same as getPanelLayers as one binary body, the strokes in their stored form (shared/domain/sketch-pack.ts): what the panel editor loads. */
export function getPanelLayersBody(project: Project, panelId: string): Buffer {
  const bytes = encodeLayersBody({ panelId, image: referencePicture(project, panelId) }, readLayerRecords(project.db, panelId));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function referencePicture(project: Project, panelId: string): LayersBodyHeader['image'] {
  requirePanel(project, panelId);
  const image = getLayer(project.db, panelId, 'image');
  const size = image?.image_sha256 ? imageSize(project.db, image.image_sha256) : undefined;
  return image?.image_sha256 && size ? { sha256: image.image_sha256, width: size.width, height: size.height, opacity: image.opacity ?? 1, visible: (image.visible ?? 1) === 1 } : null;
}

/** The layer a stroke goes on when the caller names none: the Pencil layer, where sketches always went. */
const DEFAULT_LAYER = virtualLayerId('pencil');

/** Adds one stroke to a layer (default: Pencil): one undo step, and the flattened composite is redrawn. */
export async function addStroke(project: Project, panelId: string, stroke: Omit<Stroke, 'id'>, layerId?: string): Promise<Panel> {
  const label = stroke.tool === 'eraser' ? `Erase on ${shot(project, panelId)}` : stroke.tool === 'fill' ? `Fill on ${shot(project, panelId)}` : stroke.tool === 'text' ? `Text on ${shot(project, panelId)}` : `Stroke on ${shot(project, panelId)}`;
  return editPanelPicture(project, panelId, label, { layers: addStrokes(layerId ?? DEFAULT_LAYER, [stroke]) });
}

/** Strokes copied from elsewhere (another layer or panel), added to a layer in their order: one undo step. */
export async function pasteStrokes(project: Project, panelId: string, strokes: Omit<Stroke, 'id'>[], layerId: string): Promise<Panel> {
  const n = strokes.length;
  return editPanelPicture(project, panelId, `Paste ${n === 1 ? 'a stroke' : `${n} strokes`} on ${shot(project, panelId)}`, { layers: addStrokes(layerId, strokes) });
}

/**
 * Flips the panel's drawing left to right: every stroke mirrored and the reference picture flopped,
 * one undo step (the picture before it stays a variation of the panel).
 */
export async function flipDrawing(project: Project, panelId: string): Promise<Panel> {
  const state = readPictureState(project, panelId);
  const bytes = state.imageSha ? readImageBytes(project.db, state.imageSha, 'full')?.data : undefined;
  const image = bytes ? await prepareImage(await sharp(bytes).autoOrient().flop().toBuffer(), 'flipped') : undefined;
  return editPanelPicture(project, panelId, `Flip the drawing of ${shot(project, panelId)}`, {
    image,
    layers: mirrorStrokes(),
    also: (rec, before) => image && keepReplacedPicture(rec, project, panelId, before.imageSha, image.sha256),
  });
}

/** Erase by stroke: removes whole strokes. */
export async function removeStrokes(project: Project, panelId: string, ids: string[]): Promise<Panel> {
  const n = ids.length;
  return editPanelPicture(project, panelId, `Erase ${n === 1 ? 'a stroke' : `${n} strokes`} on ${shot(project, panelId)}`, { layers: deleteStrokes(ids) });
}

/** Moved, scaled or rotated strokes, or a text note's new words: the new strokes in place of the old, one undo step. */
export async function updateStrokes(project: Project, panelId: string, strokes: Stroke[]): Promise<Panel> {
  const n = strokes.length;
  const before = new Map(readPictureState(project, panelId).layers.flatMap((l) => l.strokes.map((s) => [strokeId(l.id, s.seq), s.stroke] as const)));
  const reworded = n === 1 && strokes[0].tool === 'text' && before.get(strokes[0].id)?.text !== strokes[0].text;
  const label = reworded ? `Edit text on ${shot(project, panelId)}` : `Transform ${n === 1 ? 'a stroke' : `${n} strokes`} on ${shot(project, panelId)}`;
  return editPanelPicture(project, panelId, label, { layers: replaceStrokes(strokes) });
}

/** Clears one layer, or every unlocked layer when none is named. */
export async function clearSketch(project: Project, panelId: string, layerId?: string): Promise<Panel> {
  const layer = layerId ? findLayer(project, panelId, layerId) : null;
  return editPanelPicture(project, panelId, layer ? `Clear ${layer.name} on ${shot(project, panelId)}` : `Clear sketch on ${shot(project, panelId)}`, { layers: clearLayer(layerId) });
}

/** Fades the image under the sketch (0 = paper only, 1 = full strength); thumbnails follow. */
export async function setImageOpacity(project: Project, panelId: string, opacity: number): Promise<Panel> {
  requireImage(project, panelId, 'image opacity');
  return editPanelPicture(project, panelId, `Image opacity of ${shot(project, panelId)}`, { imageOpacity: opacity });
}

/** Shows or hides the reference picture; a hidden one leaves paper under the strokes on the board and in exports. */
export async function setImageVisible(project: Project, panelId: string, visible: boolean): Promise<Panel> {
  requireImage(project, panelId, 'reference layer');
  return editPanelPicture(project, panelId, `${visible ? 'Show' : 'Hide'} reference on ${shot(project, panelId)}`, { imageVisible: visible });
}

function requireImage(project: Project, panelId: string, what: string): void {
  if (!readPictureState(project, panelId).imageSha) {
    throw new CoreError('BAD_INPUT', `Panel ${shot(project, panelId)} has no image, so there is no ${what} to set.`);
  }
}

export function findLayer(project: Project, panelId: string, layerId: string): LayerState {
  const layers = readPictureState(project, panelId).layers;
  const layer = layers[layerIndex(layers, layerId)];
  if (!layer) throw new CoreError('NOT_FOUND', 'That layer no longer exists (it may have been deleted or undone).');
  return layer;
}

/** The panel's shot number, or NOT_FOUND when it does not exist. */
export function shot(project: Project, panelId: string): string {
  return project.panel(panelId).shotNumber;
}
