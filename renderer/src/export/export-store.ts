import { create } from 'zustand';
import { CSV_COLUMNS, DEFAULT_PDF_OPTIONS, DEFAULT_SHOT_LIST_OPTIONS, type CsvColumn, type PdfBoardOptions, type ShotListOptions } from '../../../shared/domain/export';

export type ExportKind = 'boards' | 'shotList';
export type ShotListFormat = 'csv' | 'pdf';

/**
 * The export dialog: which tab is open, and the options (kept while the app runs, so reopening
 * the dialog shows the last choices).
 */
interface ExportState {
  open: ExportKind | null;
  boards: PdfBoardOptions;
  shotList: ShotListOptions;
  shotListFormat: ShotListFormat;
  /** The CSV's columns, in CSV_COLUMNS order (all by default). */
  csvColumns: CsvColumn[];
  /** Scene numbers unticked in the scene list (every scene is ticked by default). */
  excludedScenes: number[];
  set(patch: Partial<Omit<ExportState, 'set'>>): void;
}

export const useExportStore = create<ExportState>()((set) => ({
  open: null,
  boards: DEFAULT_PDF_OPTIONS,
  shotList: DEFAULT_SHOT_LIST_OPTIONS,
  shotListFormat: 'csv',
  csvColumns: [...CSV_COLUMNS],
  excludedScenes: [],
  set: (patch) => set(patch),
}));

/** File > Export PDF Boards… / Export Shot List…. */
export function openExport(kind: ExportKind): void {
  useExportStore.getState().set({ open: kind });
}
