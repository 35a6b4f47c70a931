import { randomBytes } from 'node:crypto';
import { CoreError } from '../../errors';
import type { Session } from '../../session';
import type { UploadStore } from '../../uploads/upload-store';
import { editorialTargets, exportEditorial, EXTENSIONS } from '../../editorial/export-editorial';
import { planEditorial } from '../../editorial/timeline-model';
import { applyConform, prepareConform } from '../../editorial/conform-apply';
import type { HandlersOf } from './types';

const safeName = (title: string) => title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim() || 'Untitled';
const KEEP_PREVIEWS = 4;

export function editorialHandlers(session: Session, uploads: UploadStore): HandlersOf<'export.editorial' | 'editorial.preview' | 'editorial.apply'> {
  const previews = new Map<string, { bytes: Buffer; fileName: string; projectPath: string }>();
  return {
    'export.editorial': async ({ format, path: given, options = {} }) => {
      const project = session.requireProject();
      // An empty board or a bad selection answers the call itself, before any dialog.
      planEditorial(project, { fps: options.fps, scenes: options.scenes, timelineDir: '.', mediaDir: '.', relative: false });
      const ext = EXTENSIONS[format].slice(1);
      const chosen =
        given ??
        (await session.shell.chooseSavePath({ title: 'Export Editorial Timeline', defaultName: `${safeName(project.info().title)}.${ext}`, filters: [{ name: format.toUpperCase(), extensions: [ext] }] }));
      if (!chosen) return null;
      const { file } = editorialTargets(format, chosen);
      const { taskId } = session.tasks.start(`Exporting the ${format.toUpperCase()} timeline`, (ctx) =>
        exportEditorial(project, format, file, { fps: options.fps, scenes: options.scenes, relative: options.relative ?? false, bakeMoves: options.bakeMoves ?? false }, { signal: ctx.signal, progress: (done, total) => ctx.progress(done, total) }),
      );
      return { taskId, path: file };
    },
    'editorial.preview': ({ uploadId, fileName }) => {
      const project = session.requireProject();
      const bytes = uploads.take(uploadId, 'timeline');
      const { summary } = prepareConform(project, bytes, fileName);
      const previewId = randomBytes(18).toString('base64url');
      previews.set(previewId, { bytes, fileName, projectPath: project.path });
      for (const key of [...previews.keys()].slice(0, Math.max(0, previews.size - KEEP_PREVIEWS))) previews.delete(key);
      return { previewId, summary };
    },
    'editorial.apply': ({ previewId }) => {
      const project = session.requireProject();
      const kept = previews.get(previewId);
      if (!kept || kept.projectPath !== project.path) throw new CoreError('NOT_FOUND', 'That conform preview has expired: choose the timeline again.');
      previews.delete(previewId);
      // Planned again against the board as it is now.
      return applyConform(project, prepareConform(project, kept.bytes, kept.fileName));
    },
  };
}
