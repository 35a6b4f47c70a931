import type { Session } from '../../session';
import { addStroke, clearSketch, flipDrawing, getPanelLayers, pasteStrokes, removeStrokes, setImageOpacity, setImageVisible, updateStrokes } from '../../commands/sketch-commands';
import { changeLayer, createLayer, mergeLayerDown, removeLayer, reorderLayer } from '../../sketch/layer-commands';
import { watchComposites } from '../../sketch/composite-session';
import type { HandlersOf } from './types';

type SketchMethod =
  | 'sketch.get' | 'sketch.addStroke' | 'sketch.addStrokes' | 'sketch.deleteStrokes' | 'sketch.updateStrokes' | 'sketch.clear'
  | 'sketch.setImageOpacity' | 'sketch.setImageVisible' | 'sketch.flip'
  | 'layers.add' | 'layers.update' | 'layers.delete' | 'layers.move' | 'layers.mergeDown';

export function sketchHandlers(session: Session): HandlersOf<SketchMethod> {
  const project = () => session.requireProject();
  watchComposites(session);
  return {
    'sketch.get': ({ panelId }) => getPanelLayers(project(), panelId),
    'sketch.addStroke': ({ panelId, stroke, layerId }) => addStroke(project(), panelId, stroke, layerId),
    'sketch.addStrokes': ({ panelId, strokes, layerId }) => pasteStrokes(project(), panelId, strokes, layerId),
    'sketch.deleteStrokes': ({ panelId, ids }) => removeStrokes(project(), panelId, ids),
    'sketch.updateStrokes': ({ panelId, strokes }) => updateStrokes(project(), panelId, strokes),
    'sketch.clear': ({ panelId, layerId }) => clearSketch(project(), panelId, layerId),
    'sketch.setImageOpacity': ({ panelId, opacity }) => setImageOpacity(project(), panelId, opacity),
    'sketch.setImageVisible': ({ panelId, visible }) => setImageVisible(project(), panelId, visible),
    'sketch.flip': ({ panelId }) => flipDrawing(project(), panelId),
    'layers.add': ({ panelId, name, aboveId }) => createLayer(project(), panelId, name, aboveId),
    'layers.update': ({ panelId, layerId, ...patch }) => changeLayer(project(), panelId, layerId, patch),
    'layers.delete': ({ panelId, layerId }) => removeLayer(project(), panelId, layerId),
    'layers.move': ({ panelId, layerId, index }) => reorderLayer(project(), panelId, layerId, index),
    'layers.mergeDown': ({ panelId, layerId }) => mergeLayerDown(project(), panelId, layerId),
  };
}
