import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  BOARD_FIELDS, DEFAULT_PDF_OPTIONS, DEFAULT_SHOT_LIST_OPTIONS, LAYOUT_CHOICES, ORIENTATIONS, PAPER_SIZES, TEXT_PLACEMENTS,
  type BoardField, type Orientation, type PaperSize, type PdfBoardOptions, type TextPlacement,
} from '../../../shared/domain/export';
import { CoreError } from '../../core/errors';
import { exportPdfBoards, type ExportContext } from '../../core/export/pdf/export-boards';
import { exportShotListPdf } from '../../core/export/shot-list/export-shot-list';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

export const EXPORT_PDF_USAGE = `export pdf FILE OUT.pdf [--layout COLSxROWS] [--paper letter|a4|tabloid|a3]
      [--orientation landscape|portrait] [--text auto|below|beside]
      [--fields shot,duration,size,angle,lens,move,arrows,action,dialogue,sound,notes,transition,tags,status]
      [--scenes LIST] [--panels LIST] [--include-omitted] [--no-scene-breaks] [--cover] [--cover-title T]
      [--credit LINE]... [--logo IMAGE] [--version-label T] [--footer T] [--date YYYY-MM-DD]
      [--shot-list]
  --layout: 1x1 (one big panel, notes beside) up to 4x3; one-column layouts put text beside.
  --scenes: scene numbers, ranges or heading text, e.g. "1,3-4,kitchen" ("quote" headings with commas).
  --include-omitted: also print scenes and panels marked omitted (cut from the script or dropped by the editor).
  --panels: shot numbers or ranges in board order, e.g. "1A,1C,2A-2D". Both: the union.
  --shot-list: the shot list as a PDF table instead of boards.`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) throw new UsageError(`${flag} takes ${allowed.join(', ')}, not "${value}".`);
  return v;
}

export function parseLayout(value: string): { cols: number; rows: number } {
  const m = /^(\d)\s*[xX×]\s*(\d)$/.exec(value.trim());
  const cols = m ? Number(m[1]) : 0;
  const rows = m ? Number(m[2]) : 0;
  if (!m || cols < 1 || rows < 1 || cols > 4 || rows > 4 || cols * rows > 12) {
    throw new UsageError(`--layout takes COLSxROWS from 1x1 to 4x3 (at most 12 panels a page), not "${value}".`);
  }
  return { cols, rows };
}

function parseFields(value: string): BoardField[] {
  const fields = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const bad = fields.filter((f) => !(BOARD_FIELDS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`--fields takes ${BOARD_FIELDS.join(',')}; unknown: ${bad.join(', ')}.`);
  return fields as BoardField[];
}

/** Ctrl+C stops the export; the half-written file is removed. */
async function withInterrupt<T>(run: (ctx: ExportContext) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await run({ signal: controller.signal });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export async function runExportPdf(args: string[]): Promise<string> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      layout: { type: 'string' }, paper: { type: 'string' }, orientation: { type: 'string' }, text: { type: 'string' },
      fields: { type: 'string' }, scenes: { type: 'string' }, panels: { type: 'string' }, 'include-omitted': { type: 'boolean' }, 'no-scene-breaks': { type: 'boolean' },
      cover: { type: 'boolean' }, 'cover-title': { type: 'string' }, credit: { type: 'string', multiple: true }, logo: { type: 'string' },
      'version-label': { type: 'string' }, footer: { type: 'string' }, date: { type: 'string' }, 'shot-list': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) return `Usage: boardwright ${EXPORT_PDF_USAGE}`;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const out = requireArg(positionals[1], 'OUT.pdf');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const grid = v.layout ? parseLayout(v.layout) : DEFAULT_PDF_OPTIONS.grid;
  const preset = LAYOUT_CHOICES.find((c) => c.cols === grid.cols && c.rows === grid.rows);
  const paper = oneOf<PaperSize>(v.paper, PAPER_SIZES, '--paper') ?? 'letter';
  const orientation = oneOf<Orientation>(v.orientation, ORIENTATIONS, '--orientation') ?? preset?.orientation ?? 'landscape';
  if (v.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError(`--date takes YYYY-MM-DD, not "${v.date}".`);
  const selection = { scenes: v.scenes, panels: v.panels, includeOmitted: v['include-omitted'] ?? false };
  let logoBase64: string | null = null;
  if (v.logo) {
    if (!fs.existsSync(v.logo)) throw new CoreError('FILE_NOT_FOUND', `The logo ${v.logo} does not exist.`);
    logoBase64 = fs.readFileSync(v.logo).toString('base64');
  }
  const wantsCover = v.cover || v['cover-title'] !== undefined || v.credit !== undefined || v.logo !== undefined;
  const options: PdfBoardOptions = {
    ...DEFAULT_PDF_OPTIONS,
    grid,
    text: oneOf<TextPlacement>(v.text, TEXT_PLACEMENTS, '--text') ?? 'auto',
    paper,
    orientation,
    fields: v.fields !== undefined ? parseFields(v.fields) : DEFAULT_PDF_OPTIONS.fields,
    selection,
    sceneBreaks: !v['no-scene-breaks'],
    cover: wantsCover ? { title: v['cover-title'], credits: (v.credit ?? []).join('\n'), logoBase64 } : null,
    versionLabel: v['version-label'] ?? '',
    footer: v.footer ?? null,
    date: v.date,
  };
  const project = openToRead(file);
  try {
    if (v['shot-list']) {
      const r = await withInterrupt((ctx) =>
        exportShotListPdf(project, out, { ...DEFAULT_SHOT_LIST_OPTIONS, paper, orientation: v.orientation ? orientation : 'landscape', selection, versionLabel: options.versionLabel, footer: options.footer, date: v.date }, ctx),
      );
      return `Wrote ${r.path}: shot list of ${r.panels} shot${r.panels === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'}`;
    }
    const r = await withInterrupt((ctx) => exportPdfBoards(project, out, options, ctx));
    return `Wrote ${r.path}: ${r.panels} panel${r.panels === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'}`;
  } finally {
    project.close();
  }
}

registerExporter('pdf', runExportPdf);
