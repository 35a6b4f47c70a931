import { CSV_COLUMNS, type CsvColumn } from '../../../../shared/domain/export';
import type { ShotRow } from './rows';
import { defuseFormula } from '../spreadsheet-safe';

/**
 * CSV columns: heading and value of each. Lens and duration are plain numbers (millimetres, seconds)
 * so a spreadsheet can sum and sort them; the scene heading rides next to the scene number.
 */
const COLUMNS: Record<CsvColumn, { header: string; value: (r: ShotRow) => string | number }> = {
  scene: { header: 'Scene', value: (r) => r.scene },
  heading: { header: 'Scene heading', value: (r) => r.sceneHeading },
  shot: { header: 'Shot', value: (r) => r.shot },
  size: { header: 'Size', value: (r) => r.size },
  angle: { header: 'Angle', value: (r) => r.angle },
  lens: { header: 'Lens (mm)', value: (r) => r.lensMm ?? '' },
  move: { header: 'Move', value: (r) => r.move },
  duration: { header: 'Duration (s)', value: (r) => Math.round(r.durationMs / 100) / 10 },
  action: { header: 'Description', value: (r) => r.description },
  dialogue: { header: 'Dialogue', value: (r) => r.dialogue },
  sound: { header: 'Sound', value: (r) => r.sound },
  transition: { header: 'Transition', value: (r) => r.transition },
  notes: { header: 'Notes', value: (r) => r.notes },
  tags: { header: 'Tags', value: (r) => r.tags.join(', ') },
  status: { header: 'Status', value: (r) => r.status },
};

export const CSV_HEADER = CSV_COLUMNS.map((c) => COLUMNS[c].header);

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
  const lines = [columns.map((c) => csvField(COLUMNS[c].header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(COLUMNS[c].value(r))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
