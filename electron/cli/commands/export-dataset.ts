import { exportDataset } from '../../core/dataset/export-dataset';
import { envKeySource } from '../../core/providers/settings';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

/** `boardwright export dataset FILE DIR`: the decision dataset folder (README.md inside describes it). */
export async function runExportDataset(args: string[]): Promise<string> {
  const [file, dir, ...extra] = args;
  requireArg(file, 'FILE');
  requireArg(dir, 'DIR (the folder to write the dataset to)');
  if (extra.length) throw new UsageError(`Unexpected argument ${extra[0]}.`);
  const project = openToRead(file);
  try {
    const s = await exportDataset(project, dir, { keys: envKeySource() });
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `Wrote the decision dataset to ${s.path}: ${n(s.panels, 'panel')}, ${n(s.decisions, 'decision')}, ${n(s.generations, 'generation')}, ${n(s.preferences, 'preference')}, ${n(s.images, 'image')}`;
  } finally {
    project.close();
  }
}

registerExporter('dataset', runExportDataset);
