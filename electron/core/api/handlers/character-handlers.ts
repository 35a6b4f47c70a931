import {
  addCharacterImage,
  createCharacter,
  deleteCharacter,
  listCharacters,
  panelCast,
  removeCharacterImage,
  setPanelCast,
  updateCharacter,
} from '../../characters/character-commands';
import { addStyleReference, getStyle, removeStyleReference, updateStyleBible, updateStyleReference } from '../../characters/style-commands';
import type { Session } from '../../session';
import type { UploadStore } from '../../uploads/upload-store';
import type { HandlersOf } from './types';

type CharacterMethod =
  | 'characters.list' | 'characters.create' | 'characters.update' | 'characters.delete' | 'characters.addImage' | 'characters.removeImage'
  | 'characters.cast' | 'characters.setCast'
  | 'style.get' | 'style.update' | 'style.addReference' | 'style.updateReference' | 'style.removeReference';

export function characterHandlers(session: Session, uploads: UploadStore): HandlersOf<CharacterMethod> {
  const project = () => session.requireProject();
  return {
    'characters.list': () => listCharacters(project()),
    'characters.create': (input) => createCharacter(project(), input),
    'characters.update': ({ id, patch }) => updateCharacter(project(), id, patch),
    'characters.delete': ({ id }) => {
      deleteCharacter(project(), id);
      return null;
    },
    'characters.addImage': ({ characterId, fileName, uploadId }) => {
      const p = project();
      return addCharacterImage(p, characterId, uploads.take(uploadId, 'image'), fileName || null);
    },
    'characters.removeImage': ({ imageId }) => removeCharacterImage(project(), imageId),
    'characters.cast': ({ panelId }) => panelCast(project(), panelId),
    'characters.setCast': ({ panelId, characterIds }) => setPanelCast(project(), panelId, characterIds),
    'style.get': () => getStyle(project()),
    'style.update': (patch) => updateStyleBible(project(), patch),
    'style.addReference': ({ fileName, uploadId, note }) => {
      const p = project();
      return addStyleReference(p, uploads.take(uploadId, 'image'), fileName || null, note ?? '');
    },
    'style.updateReference': ({ id, note }) => updateStyleReference(project(), id, note),
    'style.removeReference': ({ id }) => removeStyleReference(project(), id),
  };
}
