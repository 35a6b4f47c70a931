import type { ShotRow } from './rows';
import { defuseFormula } from '../spreadsheet-safe';

/**
 * CSV columns. Lens and duration are plain numbers (millimetres, seconds) so a spreadsheet can sum
 * and sort them; the scene heading rides next to the scene number.
 */
export const CSV_HEADER = ['Scene', 'Scene heading', 'Shot', 'Size', 'Angle', 'Lens (mm)', 'Move', 'Duration (s)', 'Description', 'Dialogue', 'Notes', 'Status'];

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). Text a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: string | number): string {
  const s = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The shot list as CSV: UTF-8 with a byte-order mark (Excel then reads accents and CJK right), CRLF line ends. */
export function shotListCsv(rows: ShotRow[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.scene, r.sceneHeading, r.shot, r.size, r.angle, r.lensMm ?? '', r.move, Math.round(r.durationMs / 100) / 10,
        r.description, r.dialogue, r.notes, r.status,
      ].map(csvField).join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
