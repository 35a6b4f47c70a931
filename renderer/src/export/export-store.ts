import { create } from 'zustand';
import { DEFAULT_PDF_OPTIONS, DEFAULT_SHOT_LIST_OPTIONS, type PdfBoardOptions, type ShotListOptions } from '../../../shared/domain/export';

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
  /** Scene numbers unticked in the scene list (every scene is ticked by default). */
  excludedScenes: number[];
  set(patch: Partial<Omit<ExportState, 'set'>>): void;
}

export const useExportStore = create<ExportState>()((set) => ({
  open: null,
  boards: DEFAULT_PDF_OPTIONS,
  shotList: DEFAULT_SHOT_LIST_OPTIONS,
  shotListFormat: 'csv',
  excludedScenes: [],
  set: (patch) => set(patch),
}));

/** File > Export PDF Boards… / Export Shot List…. */
export function openExport(kind: ExportKind): void {
  useExportStore.getState().set({ open: kind });
}
