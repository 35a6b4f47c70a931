import type { Session } from '../../session';
import { duplicatePanels } from '../../commands/duplicate-commands';
import { addImagePanels } from '../../commands/image-commands';
import { renumberShots } from '../../commands/renumber-commands';
import { mergeScenes, splitScene } from '../../commands/scene-structure-commands';
import { addStroke, clearSketch, getPanelLayers, setImageOpacity } from '../../commands/sketch-commands';
import type { HandlersOf } from './types';

type EditMethod =
  | 'panels.duplicate' | 'panels.addImages' | 'panels.renumber'
  | 'scenes.split' | 'scenes.merge'
  | 'sketch.get' | 'sketch.addStroke' | 'sketch.clear' | 'sketch.setImageOpacity';

export function editHandlers(session: Session): HandlersOf<EditMethod> {
  const project = () => session.requireProject();
  return {
    'panels.duplicate': ({ ids }) => duplicatePanels(project(), ids),
    'panels.addImages': ({ sceneId, index, files, durationMs }) =>
      addImagePanels(project(), {
        sceneId,
        index,
        durationMs,
        files: files.map((f) => ({ bytes: Buffer.from(f.dataBase64, 'base64'), name: f.fileName || null })),
      }),
    'panels.renumber': ({ sceneIds }) => {
      renumberShots(project(), sceneIds);
      return null;
    },
    'scenes.split': ({ panelId, heading }) => splitScene(project(), panelId, heading),
    'scenes.merge': ({ ids }) => mergeScenes(project(), ids),
    'sketch.get': ({ panelId }) => getPanelLayers(project(), panelId),
    'sketch.addStroke': ({ panelId, stroke }) => addStroke(project(), panelId, stroke),
    'sketch.clear': ({ panelId }) => clearSketch(project(), panelId),
    'sketch.setImageOpacity': ({ panelId, opacity }) => setImageOpacity(project(), panelId, opacity),
  };
}
