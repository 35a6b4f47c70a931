import { CSV_COLUMN_HEADERS, CSV_COLUMNS, type CsvColumn } from '../../../../shared/domain/export';
import type { ShotRow } from './rows';
import { defuseFormula } from '../spreadsheet-safe';

/**
 * Each CSV column's value. Lens and duration are plain numbers (millimetres, seconds)
 * so a spreadsheet can sum and sort them; the scene heading rides next to the scene number.
 */
const VALUES: Record<CsvColumn, (r: ShotRow) => string | number> = {
  scene: (r) => r.scene,
  heading: (r) => r.sceneHeading,
  shot: (r) => r.shot,
  size: (r) => r.size,
  angle: (r) => r.angle,
  lens: (r) => r.lensMm ?? '',
  move: (r) => r.move,
  duration: (r) => Math.round(r.durationMs / 100) / 10,
  action: (r) => r.description,
  dialogue: (r) => r.dialogue,
  sound: (r) => r.sound,
  transition: (r) => r.transition,
  notes: (r) => r.notes,
  tags: (r) => r.tags.join(', '),
  status: (r) => r.status,
};

export const CSV_HEADER = CSV_COLUMNS.map((c) => CSV_COLUMN_HEADERS[c]);

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). Text a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: string | number): string {
  const s = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The shot list as CSV: UTF-8 with a byte-order mark (Excel then reads accents and CJK right), CRLF line ends. */
export function shotListCsv(rows: ShotRow[], columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  const lines = [columns.map((c) => csvField(CSV_COLUMN_HEADERS[c])).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(VALUES[c](r))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
