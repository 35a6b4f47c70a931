import path from 'node:path';
import { CoreError } from '../../errors';
import { addDecisionNote, listDecisions, setDecisionWhy } from '../../decisions/decision-commands';
import { exportDecisions } from '../../decisions/decision-export';
import { checkDatasetDir, exportDataset } from '../../dataset/export-dataset';
import { generationHub } from '../../generation/hub';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

export function decisionHandlers(session: Session): HandlersOf<'decisions.list' | 'decisions.addNote' | 'decisions.setWhy' | 'decisions.export' | 'export.dataset'> {
  const project = () => session.requireProject();
  return {
    'decisions.list': (filter) => listDecisions(project(), filter),
    'decisions.addNote': (input) => addDecisionNote(project(), input),
    'decisions.setWhy': ({ id, why }) => setDecisionWhy(project(), id, why),
    'decisions.export': async ({ path: file, format }) => {
      const p = project();
      const ext = format ?? 'jsonl';
      const target =
        file ??
        (await session.shell.chooseSavePath({
          title: 'Export Decision Log',
          defaultName: `${p.info().title} - decisions.${ext}`,
          filters: ext === 'csv' ? [{ name: 'CSV', extensions: ['csv'] }] : [{ name: 'JSON Lines', extensions: ['jsonl'] }],
        }));
      if (!target) {
        if (session.shell.kind === 'web') throw new CoreError('UNSUPPORTED', 'Web mode has no save dialog: give the path to write the decision log to.');
        return null;
      }
      return exportDecisions(p, path.resolve(target));
    },
    'export.dataset': async ({ path: given }) => {
      const p = project();
      const target = given ?? (await session.shell.chooseSavePath({ title: 'Export Decision Dataset', defaultName: `${p.info().title || 'Untitled'} - dataset`, filters: [] }));
      if (!target) {
        if (session.shell.kind === 'web') throw new CoreError('UNSUPPORTED', 'Web mode has no save dialog: give the folder to write the dataset to.');
        return null;
      }
      const dir = checkDatasetDir(path.resolve(target));
      const keys = generationHub(session).keys;
      const { taskId } = session.tasks.start('Exporting the decision dataset', (ctx) => exportDataset(p, dir, { keys, progress: ctx.progress, signal: ctx.signal }));
      return { taskId, path: dir };
    },
  };
}
