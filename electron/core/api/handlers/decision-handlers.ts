import path from 'node:path';
import { CoreError } from '../../errors';
import { addDecisionNote, listDecisions } from '../../decisions/decision-commands';
import { exportDecisions } from '../../decisions/decision-export';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

export function decisionHandlers(session: Session): HandlersOf<'decisions.list' | 'decisions.addNote' | 'decisions.export'> {
  const project = () => session.requireProject();
  return {
    'decisions.list': (filter) => listDecisions(project(), filter),
    'decisions.addNote': (input) => addDecisionNote(project(), input),
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
  };
}
