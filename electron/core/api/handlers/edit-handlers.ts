import type { Session } from '../../session';
import { duplicatePanels } from '../../commands/duplicate-commands';
import { addImagePanels } from '../../commands/image-commands';
import { renumberShots } from '../../commands/renumber-commands';
import { setShotNumbersLocked } from '../../commands/shot-lock-commands';
import { mergeScenes, splitScene } from '../../commands/scene-structure-commands';
import type { UploadStore } from '../../uploads/upload-store';
import type { HandlersOf } from './types';

type EditMethod =
  | 'panels.duplicate' | 'panels.addImages' | 'panels.renumber' | 'project.setShotNumbersLocked'
  | 'scenes.split' | 'scenes.merge';

export function editHandlers(session: Session, uploads: UploadStore): HandlersOf<EditMethod> {
  const project = () => session.requireProject();
  return {
    'panels.duplicate': ({ ids }) => duplicatePanels(project(), ids),
    'panels.addImages': ({ sceneId, index, files, durationMs }) => {
      const p = project();
      const bytes = uploads.takeAll(files.map((f) => f.uploadId), 'image');
      return addImagePanels(p, { sceneId, index, durationMs, files: files.map((f, i) => ({ bytes: bytes[i], name: f.fileName || null })) });
    },
    'panels.renumber': ({ sceneIds }) => {
      renumberShots(project(), sceneIds);
      return null;
    },
    'project.setShotNumbersLocked': ({ locked }) => setShotNumbersLocked(project(), locked),
    'scenes.split': ({ panelId, heading }) => splitScene(project(), panelId, heading),
    'scenes.merge': ({ ids }) => mergeScenes(project(), ids),
  };
}
