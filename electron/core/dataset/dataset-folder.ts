import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CoreError } from '../errors';
import { checkTargetPath } from '../files/target-path';
import { DATASET_FILES } from './dataset-format';

/** True when `dir` holds a dataset written before (its manifest names a boardwright-dataset format). */
function isDataset(dir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, DATASET_FILES.manifest), 'utf8')) as { format?: unknown };
    return typeof manifest.format === 'string' && manifest.format.startsWith('boardwright-dataset/');
  } catch {
    return false;
  }
}

/**
 * Checks the dataset's folder before anything is written: it may be new, empty, or a dataset exported
 * before (which the new one replaces); any other folder with files in it is refused.
 */
export function checkDatasetDir(dir: string): string {
  const abs = checkTargetPath(dir);
  if (!fs.existsSync(abs)) return abs;
  if (!fs.statSync(abs).isDirectory()) throw new CoreError('BAD_INPUT', `${abs} is a file; give a folder for the dataset.`);
  if (fs.readdirSync(abs).length > 0 && !isDataset(abs)) {
    throw new CoreError('BAD_INPUT', `${abs} already holds other files: choose an empty folder, a new one, or an earlier dataset export to replace.`);
  }
  return abs;
}

/**
 * Writes the dataset into a hidden folder beside `dir`, then renames it into place, so `dir` holds the
 * whole dataset or what it held before. An earlier dataset there is replaced.
 */
export async function writeDatasetDir<T>(dir: string, write: (temp: string) => Promise<T>): Promise<T> {
  const abs = checkDatasetDir(dir);
  const tag = randomBytes(4).toString('hex');
  const temp = path.join(path.dirname(abs), `.${path.basename(abs)}.${tag}.partial`);
  const old = path.join(path.dirname(abs), `.${path.basename(abs)}.${tag}.old`);
  fs.mkdirSync(temp);
  try {
    const result = await write(temp);
    checkDatasetDir(abs);
    if (fs.existsSync(abs)) fs.renameSync(abs, old);
    fs.renameSync(temp, abs);
    fs.rmSync(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (fs.existsSync(old) && !fs.existsSync(abs)) fs.renameSync(old, abs);
    throw e;
  }
}
