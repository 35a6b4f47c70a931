import type { Session } from '../../session';
import { setPanelImage } from '../../commands/image-commands';
import { createPanel, deletePanels, movePanels, updatePanels } from '../../commands/panel-commands';
import { createScene, deleteScene, moveScene, updateScene } from '../../commands/scene-commands';
import type { UploadStore } from '../../uploads/upload-store';
import type { HandlersOf } from './types';

type BoardMethod =
  | 'board.get'
  | 'scenes.create' | 'scenes.update' | 'scenes.delete' | 'scenes.move'
  | 'panels.create' | 'panels.update' | 'panels.delete' | 'panels.move' | 'panels.setImage';

export function boardHandlers(session: Session, uploads: UploadStore): HandlersOf<BoardMethod> {
  const project = () => session.requireProject();
  return {
    'board.get': () => project().board(),
    'scenes.create': (input) => createScene(project(), input),
    'scenes.update': ({ id, patch }) => updateScene(project(), id, patch),
    'scenes.delete': ({ id }) => deleteScene(project(), id),
    'scenes.move': ({ id, index }) => {
      moveScene(project(), id, index);
      return null;
    },
    'panels.create': (input) => createPanel(project(), input),
    'panels.update': ({ ids, patch }) => updatePanels(project(), ids, patch),
    'panels.delete': ({ ids }) => {
      deletePanels(project(), ids);
      return null;
    },
    'panels.move': ({ ids, sceneId, index }) => {
      movePanels(project(), ids, sceneId, index);
      return null;
    },
    'panels.setImage': ({ panelId, fileName, uploadId }) => {
      const p = project();
      return setPanelImage(p, panelId, uploads.take(uploadId, 'image'), fileName || null);
    },
  };
}
