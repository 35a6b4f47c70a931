import { z } from 'zod';
import {
  BOARD_FIELDS, CSV_COLUMNS, MAX_COLS, MAX_ROWS, ORIENTATIONS, PAPER_SIZES, TEXT_PLACEMENTS,
  type ExportPreset, type PdfPreview,
} from '../../domain/export';
import { method, noInput, outputPath } from '../schemas';

/** Largest cover logo accepted (before base64). */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

const selection = z
  .object({ scenes: z.string().max(2000).optional(), panels: z.string().max(10_000).optional(), includeOmitted: z.boolean().optional() })
  .strict();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD');
const label = z.string().max(200);

export const pdfBoardOptions = z
  .object({
    grid: z.object({ cols: z.number().int().min(1).max(MAX_COLS), rows: z.number().int().min(1).max(MAX_ROWS) }).strict(),
    text: z.enum(TEXT_PLACEMENTS),
    paper: z.enum(PAPER_SIZES),
    orientation: z.enum(ORIENTATIONS),
    fields: z.array(z.enum(BOARD_FIELDS)).max(BOARD_FIELDS.length),
    selection,
    sceneBreaks: z.boolean(),
    cover: z
      .object({
        title: label.optional(),
        credits: z.string().max(4000).optional(),
        logoBase64: z.string().max(Math.ceil(MAX_LOGO_BYTES / 3) * 4).nullable().optional(),
      })
      .strict()
      .nullable(),
    versionLabel: label,
    footer: label.nullable(),
    date: date.optional(),
  })
  .strict();

export const shotListOptions = z
  .object({ paper: z.enum(PAPER_SIZES), orientation: z.enum(ORIENTATIONS), selection, versionLabel: label, footer: label.nullable(), date: date.optional() })
  .strict();

/** A started export: its task reports progress and ends with task.finished ({path, pages, panels}) or task.failed. */
export type ExportStarted = { taskId: string; path: string } | null;

const target = { path: outputPath.optional() };

export const exportPdfMethods = {
  /**
   * Exports PDF boards as a background task. Without `path` the app shows a save dialog (Electron);
   * the answer is null when the dialog was cancelled or there is none (web mode: pass `path`).
   */
  'export.pdf': method<ExportStarted>()(z.object({ ...target, options: pdfBoardOptions }).strict()),
  'export.shotListCsv': method<ExportStarted>()(
    z.object({ ...target, selection: selection.optional(), columns: z.array(z.enum(CSV_COLUMNS)).min(1).max(CSV_COLUMNS.length).optional() }).strict(),
  ),
  'export.shotListPdf': method<ExportStarted>()(z.object({ ...target, options: shotListOptions }).strict()),
  /** The first pages of the boards, drawn from the same layout as the PDF, for the dialog's live preview. */
  'export.pdfPreview': method<PdfPreview>()(z.object({ options: pdfBoardOptions, pages: z.number().int().min(1).max(4) }).strict()),
  'export.presets.list': method<ExportPreset[]>()(noInput),
  /** Saves a preset under `name` (replacing one of the same name); returns the list. Not part of undo. */
  'export.presets.save': method<ExportPreset[]>()(z.object({ name: z.string().trim().min(1).max(80), options: pdfBoardOptions }).strict()),
  'export.presets.delete': method<ExportPreset[]>()(z.object({ name: z.string().min(1).max(80) }).strict()),
} as const;
