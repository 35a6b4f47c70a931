import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../errors';
import { exportPdfBoards, requireExtension } from '../../export/pdf/export-boards';
import { planBoards } from '../../export/pdf/prepare';
import { deletePreset, listPresets, savePreset } from '../../export/pdf/presets';
import { renderPreview } from '../../export/pdf/preview';
import { shotRows } from '../../export/shot-list/rows';
import { exportShotListCsv, exportShotListPdf } from '../../export/shot-list/export-shot-list';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

type ExportMethod =
  | 'export.pdf' | 'export.shotListCsv' | 'export.shotListPdf' | 'export.pdfPreview'
  | 'export.presets.list' | 'export.presets.save' | 'export.presets.delete';

const safeName = (title: string) => title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim() || 'Untitled';

/** Checks the output path before a task starts, so a bad path is the call's error, not a failed task. */
function checkTarget(target: string, ext: string, what: string): string {
  requireExtension(target, ext, what);
  const abs = path.resolve(target);
  if (!fs.existsSync(path.dirname(abs))) throw new CoreError('FILE_NOT_FOUND', `The folder ${path.dirname(abs)} does not exist.`);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new CoreError('BAD_INPUT', `${abs} is a folder; choose a file name.`);
  return abs;
}

export function exportHandlers(session: Session): HandlersOf<ExportMethod> {
  /** The given path, else the save dialog's answer (null: cancelled, or web mode without a path). */
  const target = async (given: string | undefined, title: string, suffix: string, ext: 'pdf' | 'csv') => {
    const project = session.requireProject();
    return (
      given ??
      (await session.shell.chooseSavePath({
        title,
        defaultName: `${safeName(project.info().title)} - ${suffix}.${ext}`,
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      }))
    );
  };
  return {
    'export.pdf': async ({ path: given, options }) => {
      const project = session.requireProject();
      await planBoards(project, options); // selection and logo errors answer the call itself
      const chosen = await target(given, 'Export PDF Boards', 'boards', 'pdf');
      if (!chosen) return null;
      const file = checkTarget(chosen, '.pdf', 'A PDF export');
      const { taskId } = session.tasks.start('Exporting PDF boards', (ctx) => exportPdfBoards(project, file, options, ctx));
      return { taskId, path: file };
    },
    'export.shotListCsv': async ({ path: given, selection, columns }) => {
      const project = session.requireProject();
      shotRows(project.board(), selection ?? {});
      const chosen = await target(given, 'Export Shot List', 'shot list', 'csv');
      if (!chosen) return null;
      const file = checkTarget(chosen, '.csv', 'A CSV export');
      const { taskId } = session.tasks.start('Exporting the shot list', (ctx) => exportShotListCsv(project, file, { selection: selection ?? {}, columns }, ctx));
      return { taskId, path: file };
    },
    'export.shotListPdf': async ({ path: given, options }) => {
      const project = session.requireProject();
      shotRows(project.board(), options.selection);
      const chosen = await target(given, 'Export Shot List', 'shot list', 'pdf');
      if (!chosen) return null;
      const file = checkTarget(chosen, '.pdf', 'A PDF export');
      const { taskId } = session.tasks.start('Exporting the shot list', (ctx) => exportShotListPdf(project, file, options, ctx));
      return { taskId, path: file };
    },
    'export.pdfPreview': ({ options, pages }) => renderPreview(session.requireProject(), options, pages),
    'export.presets.list': () => listPresets(session.requireProject()),
    'export.presets.save': ({ name, options }) => savePreset(session.requireProject(), name, options),
    'export.presets.delete': ({ name }) => deletePreset(session.requireProject(), name),
  };
}
