import { create } from 'zustand';
import type { ConformSummary, EditorialFormat } from '../../../shared/domain/editorial';

export interface ConformPreview {
  previewId: string;
  summary: ConformSummary;
}

/**
 * The editorial hand-off's dialogs: the timeline export (its choices are kept while the app runs, so
 * reopening it shows the last ones) and the preview of an editor's changes.
 */
interface EditorialState {
  exportOpen: boolean;
  format: EditorialFormat;
  /** Null: the project's rate (or the nearest one a timeline can carry). */
  fps: number | null;
  relative: boolean;
  /** Scene numbers unticked in the scene list (every scene is ticked by default). */
  excludedScenes: number[];
  preview: ConformPreview | null;
  /** A preview or apply in flight (the dialog's buttons wait). */
  working: boolean;
  set(patch: Partial<Omit<EditorialState, 'set'>>): void;
}

export const useEditorialStore = create<EditorialState>()((set) => ({
  exportOpen: false,
  format: 'xmeml',
  fps: null,
  relative: false,
  excludedScenes: [],
  preview: null,
  working: false,
  set: (patch) => set(patch),
}));

/** File > Export Editorial Timeline…. */
export function openEditorialExport(): void {
  useEditorialStore.getState().set({ exportOpen: true });
}
