/**
 * The decision log as a dataset: JSON Lines (one entry per line) or CSV (RFC 4180), oldest first,
 * first-time data entries included and flagged `initial`.
 * Written through AtomicOutput, so the file appears whole or not at all.
 */
import fs from 'node:fs';
import { defuseFormula } from '../export/spreadsheet-safe';
import type { Decision } from '../../../shared/domain/generation';
import { CoreError } from '../errors';
import { AtomicOutput } from '../files/atomic-output';
import type { Project } from '../project';
import { listDecisions } from './decision-commands';

export type DecisionExportFormat = 'jsonl' | 'csv';

export function formatFromPath(file: string): DecisionExportFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  throw new CoreError('BAD_INPUT', `Export the decision log to a .jsonl or .csv file, not ${file}.`);
}

/** One record of the export: the entry plus the scene number and heading it belongs to, when known. */
function record(d: Decision, scenes: Map<string, { number: number; heading: string }>) {
  const scene = d.sceneId ? scenes.get(d.sceneId) : undefined;
  return {
    time: d.createdAt,
    kind: d.kind,
    shot: d.shotNumber,
    panel_id: d.panelId,
    scene: scene?.number ?? null,
    scene_heading: scene?.heading ?? null,
    scene_id: d.sceneId,
    field: d.field,
    old_value: d.oldValue,
    new_value: d.newValue,
    why: d.why,
    initial: d.initial,
    data: d.data,
  };
}

export type DecisionRecord = ReturnType<typeof record>;

/** Every entry, first-time entries included (flagged `initial`), as the export writes them. */
export function decisionRecords(project: Project): DecisionRecord[] {
  const scenes = new Map(project.board().scenes.map((s) => [s.id, { number: s.number, heading: s.heading }]));
  return listDecisions(project, { includeInitial: true }).map((d) => record(d, scenes));
}

export const CSV_COLUMNS = ['time', 'kind', 'shot', 'panel_id', 'scene', 'scene_heading', 'scene_id', 'field', 'old_value', 'new_value', 'why', 'initial', 'data'] as const;

/** Quotes a CSV cell when needed; a leading = + - @ is defused so spreadsheets show text, not a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = defuseFormula(typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function decisionsToText(project: Project, format: DecisionExportFormat): string {
  const records = decisionRecords(project);
  if (format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes the log to `file` (format from its extension); returns the absolute path and the entry count. */
export async function exportDecisions(project: Project, file: string): Promise<{ path: string; entries: number }> {
  const format = formatFromPath(file);
  const text = decisionsToText(project, format);
  const entries = listDecisions(project, { includeInitial: true }).length;
  const written = await AtomicOutput.write(file, async (temp) => fs.promises.writeFile(temp, text, 'utf8'));
  return { path: written, entries };
}
