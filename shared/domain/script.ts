/** Script import: what the preview shows before anything is written, and what the import did. */

export type ScriptPanelMode = 'beats' | 'scene';

export interface ScriptPreviewScene {
  /** The script's scene number as text, or null. */
  number: string | null;
  heading: string;
  synopsis: string;
  /** Page length in eighths ("1 1/8" = 9). */
  pageEighths: number;
  lineCount: number;
  characters: string[];
  /** Panels this scene will have on the board. */
  panels: number;
  status: 'new' | 'changed' | 'unchanged' | 'restored';
}

export interface ScriptImportCounts {
  scenesAdded: number;
  scenesChanged: number;
  scenesOmitted: number;
  scenesRestored: number;
  panelsAdded: number;
  panelsChanged: number;
  panelsOmitted: number;
  panelsRestored: number;
  charactersAdded: number;
}

export interface ScriptImportSummary {
  fileName: string;
  format: 'fountain' | 'fdx';
  mode: ScriptPanelMode;
  /** True when the project already had an imported script: scenes and panels are matched, not added. */
  reimport: boolean;
  /** The title page's title; `setsTitle` when it becomes the project's (a new or untitled project). */
  title: string | null;
  setsTitle: boolean;
  scenes: ScriptPreviewScene[];
  /** Scenes cut from the script: kept, marked omitted. */
  omittedScenes: { number: string | null; heading: string; panels: number }[];
  charactersAdded: string[];
  counts: ScriptImportCounts;
  /** Every change, one line each, e.g. "Scene 12 INT. KITCHEN - NIGHT: 2 new panels". */
  changes: string[];
  warnings: string[];
}

/** The project's script as the script pane shows it, with the panels each line was boarded in. */
export interface ScriptView {
  fileName: string;
  importedAt: string;
  format: 'fountain' | 'fdx';
  title: string | null;
  lines: ScriptViewLine[];
  /** Beat key -> the panels made from it (board order). */
  beatPanels: Record<string, string[]>;
  /** Script scene index -> the board scene made from it. */
  sceneIds: Record<number, string>;
}

export interface ScriptViewLine {
  kind: 'heading' | 'action' | 'centered' | 'character' | 'parenthetical' | 'dialogue' | 'lyric' | 'transition' | 'note' | 'shot' | 'pagebreak' | 'blank';
  text: string;
  scene: number | null;
  /** The beat (panel) the line belongs to, or null (headings, transitions, blank lines). */
  beat: string | null;
  dual?: 'left' | 'right';
}
