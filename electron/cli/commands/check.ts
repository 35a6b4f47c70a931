import Database from 'better-sqlite3';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkProjectFile } from '../../core/db/header';
import { CURRENT_SCHEMA_VERSION } from '../../core/db/migrations/index';
import { CoreError, classifyStorageError } from '../../core/errors';
import { requireArg } from '../usage';

const COUNTED = ['scenes', 'panels', 'images', 'panel_layers', 'sketch_layers', 'stroke_chunks', 'variations', 'prompt_versions', 'decisions', 'characters', 'audio_clips', 'history'];

/** Reports schema version, counts and PRAGMA integrity_check, opening the file read-only. */
export function runCheck(args: string[]): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = path.resolve(requireArg(positionals[0], 'FILE'));
  const facts = checkProjectFile(file, CURRENT_SCHEMA_VERSION);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const lines = [`${path.basename(file)}: Boardwright project, schema version ${facts.userVersion} (this app: ${CURRENT_SCHEMA_VERSION})`];
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    // An older file lacks the later tables: it is counted as it is.
    for (const table of COUNTED.filter((t) => tables.has(t))) lines.push(`  ${table.padEnd(16)} ${db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()}`);
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    lines.push(`  integrity_check  ${ok ? 'ok' : integrity.slice(0, 5).join('; ')}`);
    if (!ok) {
      process.stdout.write(`${lines.join('\n')}\n`);
      throw new CoreError('CORRUPT', `${path.basename(file)} is damaged: integrity_check failed.`);
    }
    return lines.join('\n');
  } catch (e) {
    throw classifyStorageError(e, path.basename(file));
  } finally {
    db?.close();
  }
}
