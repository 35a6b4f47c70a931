/**
 * Export options for PDF boards and shot lists, shared by the core, the CLI and the export dialog.
 *
 * Selection syntax (both the CLI flags and the dialog use it):
 * - scenes: a comma-separated list of scene numbers ("3"), number ranges ("2-5") or heading text
 *   ("kitchen", matched case-insensitively anywhere in the heading; put it in double quotes when it
 *   contains a comma or a dash: "\"INT. HALL - DAY\"").
 * - panels: a comma-separated list of shot numbers ("1A,1C") or ranges in board order ("2A-2D": from
 *   2A through 2D inclusive, whatever their numbers in between), matched case-insensitively.
 * Both empty: the whole project. Both given: the panels of the listed scenes plus the listed panels,
 * in board order. A name that matches nothing is an error, and so is a selection with no panels.
 */

export const PAPER_SIZES = ['letter', 'a4', 'tabloid', 'a3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Width and height in PostScript points (1/72 in), portrait. */
export const PAPER_POINTS: Record<PaperSize, [number, number]> = {
  letter: [612, 792],
  a4: [595.28, 841.89],
  tabloid: [792, 1224],
  a3: [841.89, 1190.55],
};

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** The shot list's CSV columns, in order; every shot field the inspector shows has one. */
export const CSV_COLUMNS = ['scene', 'heading', 'shot', 'size', 'angle', 'lens', 'move', 'duration', 'action', 'dialogue', 'sound', 'transition', 'notes', 'tags', 'status'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Each CSV column's header, also its name in the export dialog's column picker. */
export const CSV_COLUMN_HEADERS: Record<CsvColumn, string> = {
  scene: 'Scene',
  heading: 'Scene heading',
  shot: 'Shot',
  size: 'Size',
  angle: 'Angle',
  lens: 'Lens (mm)',
  move: 'Move',
  duration: 'Duration (s)',
  action: 'Description',
  dialogue: 'Dialogue',
  sound: 'Sound',
  transition: 'Transition',
  notes: 'Notes',
  tags: 'Tags',
  status: 'Status',
};

/** What a PDF board can print for each panel: every shot field the inspector shows. */
export const BOARD_FIELDS = ['shot', 'duration', 'size', 'angle', 'lens', 'move', 'arrows', 'action', 'dialogue', 'sound', 'notes', 'transition', 'tags', 'status'] as const;
export type BoardField = (typeof BOARD_FIELDS)[number];
/** Printed unless unticked: the crew's usual board (sound, transition, tags and status are offered, not printed by default). */
export const DEFAULT_FIELDS: BoardField[] = ['shot', 'duration', 'size', 'angle', 'lens', 'move', 'arrows', 'action', 'dialogue', 'notes'];

/** Where a panel's text goes: under its frame, or to its right. */
export const TEXT_PLACEMENTS = ['auto', 'below', 'beside'] as const;
export type TextPlacement = (typeof TEXT_PLACEMENTS)[number];

export const MAX_COLS = 4;
export const MAX_ROWS = 4;
export const MAX_PANELS_PER_PAGE = 12;

export interface BoardGrid {
  cols: number;
  rows: number;
}

/** The layouts the dialog offers, from one big panel with notes beside it up to 4x3. */
export const LAYOUT_CHOICES: { id: string; label: string; cols: number; rows: number; text: TextPlacement; orientation: Orientation }[] = [
  { id: '1x1', label: '1 panel, notes beside', cols: 1, rows: 1, text: 'beside', orientation: 'landscape' },
  { id: '2x1', label: '2 × 1', cols: 2, rows: 1, text: 'below', orientation: 'landscape' },
  { id: '1x3', label: '3 stacked, text beside', cols: 1, rows: 3, text: 'beside', orientation: 'portrait' },
  { id: '3x1', label: '3 × 1', cols: 3, rows: 1, text: 'below', orientation: 'landscape' },
  { id: '2x2', label: '2 × 2', cols: 2, rows: 2, text: 'below', orientation: 'landscape' },
  { id: '3x2', label: '3 × 2', cols: 3, rows: 2, text: 'below', orientation: 'landscape' },
  { id: '4x2', label: '4 × 2', cols: 4, rows: 2, text: 'below', orientation: 'landscape' },
  { id: '3x3', label: '3 × 3', cols: 3, rows: 3, text: 'below', orientation: 'portrait' },
  { id: '4x3', label: '4 × 3', cols: 4, rows: 3, text: 'below', orientation: 'landscape' },
];

/** "auto" puts text beside the frame in one-column layouts and below it otherwise. */
export function resolveTextPlacement(grid: BoardGrid, text: TextPlacement): 'below' | 'beside' {
  return text === 'auto' ? (grid.cols === 1 ? 'beside' : 'below') : text;
}

export interface PanelSelection {
  /** Scene numbers, ranges or heading text; empty = no scene filter. */
  scenes?: string;
  /** Shot numbers or ranges; empty = no panel filter. */
  panels?: string;
  /** Also export omitted scenes and panels (cut from the script or dropped by the editor); off by default. */
  includeOmitted?: boolean;
}

export interface CoverOptions {
  /** Defaults to the project title. */
  title?: string;
  /** One credit per line, e.g. "Directed by Ana Ruiz". */
  credits?: string;
  /** A PNG or JPEG logo, base64 (the dialog reads a file; the CLI takes --logo FILE). */
  logoBase64?: string | null;
}

export interface PdfBoardOptions {
  grid: BoardGrid;
  text: TextPlacement;
  paper: PaperSize;
  orientation: Orientation;
  fields: BoardField[];
  selection: PanelSelection;
  /** Start each scene on a new page (the header then names the scene). */
  sceneBreaks: boolean;
  /** A cover page before the boards; null for none. */
  cover: CoverOptions | null;
  /** e.g. "Draft 3" or "Shooting boards v2"; printed in every header. */
  versionLabel: string;
  /** Small text at the foot of every page (e.g. "Confidential"); null for no footer. */
  footer: string | null;
  /** Date printed in the header, YYYY-MM-DD; defaults to today. */
  date?: string;
}

export const DEFAULT_PDF_OPTIONS: PdfBoardOptions = {
  grid: { cols: 3, rows: 2 },
  text: 'auto',
  paper: 'letter',
  orientation: 'landscape',
  fields: DEFAULT_FIELDS,
  selection: {},
  sceneBreaks: true,
  cover: null,
  versionLabel: '',
  footer: null,
};

export interface ShotListOptions {
  paper: PaperSize;
  orientation: Orientation;
  selection: PanelSelection;
  versionLabel: string;
  footer: string | null;
  date?: string;
}

export const DEFAULT_SHOT_LIST_OPTIONS: ShotListOptions = {
  paper: 'letter',
  orientation: 'landscape',
  selection: {},
  versionLabel: '',
  footer: null,
};

/** Shot list columns, in order (CSV header and PDF table). */
export const SHOT_LIST_COLUMNS = ['Scene', 'Shot', 'Size', 'Angle', 'Lens', 'Move', 'Duration', 'Description', 'Dialogue', 'Notes', 'Status'] as const;

/** A named set of board options the user saved in the project. */
export interface ExportPreset {
  name: string;
  options: PdfBoardOptions;
}

/** What a finished export task reports. */
export interface ExportSummary {
  path: string;
  pages: number;
  panels: number;
}

export interface PreviewPage {
  /** PNG data URL of the page. */
  dataUrl: string;
  width: number;
  height: number;
}

export interface PdfPreview {
  pages: PreviewPage[];
  /** Pages the full export will have (cover included). */
  pageCount: number;
  panelCount: number;
}
