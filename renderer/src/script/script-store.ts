import { create } from 'zustand';
import type { ScriptImportSummary, ScriptPanelMode, ScriptView } from '../../../shared/domain/script';

export interface ScriptPreviewState {
  previewId: string;
  summary: ScriptImportSummary;
}

/** The script import dialog and the script pane's data. */
export interface ScriptState {
  preview: ScriptPreviewState | null;
  /** A preview or import in flight (the dialog's buttons wait). */
  working: boolean;
  /** The project's script for the pane; undefined until asked for, null when the project has none. */
  view: ScriptView | null | undefined;
  set(patch: Partial<Omit<ScriptState, 'set'>>): void;
}

export const useScriptStore = create<ScriptState>()((set) => ({
  preview: null,
  working: false,
  view: undefined,
  set: (patch) => set(patch),
}));

export type { ScriptPanelMode };
