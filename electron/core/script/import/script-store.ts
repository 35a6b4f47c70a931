/** The imported scripts kept in the project: the latest one is the project's script. */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { ChangeRecorder } from '../../history/recorder';
import { newId, now } from '../../commands/ids';
import type { Screenplay } from '../parse/model';
import type { PanelMode } from './breakdown';

export interface StoredScript {
  id: string;
  importedAt: string;
  fileName: string;
  mode: PanelMode;
  screenplay: Screenplay;
}

export function latestScript(db: Db): StoredScript | null {
  const row = db
    .prepare('SELECT id, imported_at, file_name, panel_mode, parsed FROM scripts ORDER BY imported_at DESC, rowid DESC LIMIT 1')
    .get() as { id: string; imported_at: string; file_name: string; panel_mode: PanelMode; parsed: string } | undefined;
  if (!row) return null;
  return { id: row.id, importedAt: row.imported_at, fileName: row.file_name, mode: row.panel_mode, screenplay: JSON.parse(row.parsed) as Screenplay };
}

export function storeScript(rec: ChangeRecorder, input: { fileName: string; source: Buffer; screenplay: Screenplay; mode: PanelMode }): string {
  const id = newId();
  rec.insert('scripts', {
    id,
    imported_at: now(),
    file_name: input.fileName,
    format: input.screenplay.format,
    sha256: createHash('sha256').update(input.source).digest('hex'),
    panel_mode: input.mode,
    source: input.source,
    parsed: JSON.stringify(input.screenplay),
  });
  return id;
}
