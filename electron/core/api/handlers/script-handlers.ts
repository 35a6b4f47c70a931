import { randomBytes } from 'node:crypto';
import { CoreError } from '../../errors';
import type { Session } from '../../session';
import type { UploadStore } from '../../uploads/upload-store';
import { commitImport, planFor, prepareImport, type PreparedImport } from '../../script/import';
import { scriptView } from '../../script/view';
import { boardEmptyPanels } from '../../script/board-empty';
import { generationHub } from '../../generation/hub';
import type { HandlersOf } from './types';

/** Previews kept for the import that follows them: a few, for a few minutes. */
const KEEP_PREVIEWS = 4;
const PREVIEW_TTL_MS = 30 * 60_000;

export function scriptHandlers(session: Session, uploads: UploadStore): HandlersOf<'script.preview' | 'script.import' | 'script.get' | 'script.boardEmpty'> {
  const previews = new Map<string, { prepared: PreparedImport; projectPath: string; at: number }>();
  const keep = (prepared: PreparedImport, projectPath: string, id = randomBytes(18).toString('base64url')) => {
    previews.delete(id);
    previews.set(id, { prepared, projectPath, at: Date.now() });
    for (const [key, p] of previews) if (previews.size > KEEP_PREVIEWS || Date.now() - p.at > PREVIEW_TTL_MS) previews.delete(key);
    return id;
  };
  const kept = (id: string) => {
    const p = previews.get(id);
    if (!p || p.projectPath !== session.requireProject().path) throw new CoreError('NOT_FOUND', 'That script preview has expired: choose the script again.');
    return p;
  };
  return {
    'script.preview': (input) => {
      const project = session.requireProject();
      if ('uploadId' in input) {
        const prepared = prepareImport(project, uploads.take(input.uploadId, 'script'), input.fileName, input.mode ?? 'beats');
        return { previewId: keep(prepared, project.path), summary: prepared.summary };
      }
      const prepared = planFor(project, kept(input.previewId).prepared, input.mode);
      return { previewId: keep(prepared, project.path, input.previewId), summary: prepared.summary };
    },
    'script.import': ({ previewId }) => {
      const { prepared } = kept(previewId);
      const summary = commitImport(session.requireProject(), prepared);
      previews.delete(previewId);
      return summary;
    },
    'script.get': () => scriptView(session.requireProject()),
    'script.boardEmpty': ({ providerId }) => {
      const project = session.requireProject();
      return boardEmptyPanels(project, generationHub(session).forProject(project), providerId, session.events);
    },
  };
}
