/**
 * The taste record's figures (issue 15): what the Insights view draws and `boardwright insights --json`
 * prints. Computed by electron/core/insights from the board, the stored palettes and the decision log.
 */

/** A colour as "#rrggbb" with the share of the picture it covers (0..1). */
export interface Swatch {
  hex: string;
  weight: number;
}

/** One panel as the rhythm strip draws it: a bar as wide as its duration, coloured by its shot size. */
export interface RhythmBar {
  panelId: string;
  shotNumber: string;
  durationMs: number;
  shotSize: string | null;
  /** The dominant colours of the panel's picture, most covering first; [] for a panel without one. */
  palette: string[];
}

/** Coverage and pacing of a set of panels (one scene, or the whole selection). */
export interface CoverageFigures {
  panels: number;
  screenTimeMs: number;
  /** Mean panel duration; 0 when there are no panels. */
  averageShotMs: number;
  /** Panel count per shot size code ("EWS", "WS", ...); panels with none under "none". */
  shotSizes: Record<string, number>;
  /** Screen time per shot size code, in ms (same keys as shotSizes). */
  shotSizeTimeMs: Record<string, number>;
  /** Panel count per angle; "none" for panels without one. */
  angles: Record<string, number>;
  /** Panel count per focal length in mm (keys are the mm as text); panels without a lens are left out. */
  lensesMm: Record<string, number>;
  /** Panel count per camera move; "none" for panels without one. */
  cameraMoves: Record<string, number>;
  /** Dominant colours of the panels' pictures, most covering first (at most 8). */
  palette: string[];
}

export interface SceneInsights extends CoverageFigures {
  sceneId: string;
  /** The number shown on the board: the script's scene number when there is one, else the position. */
  number: string;
  heading: string;
  rhythm: RhythmBar[];
}

/** A panel that holds longest or shortest. */
export interface Hold {
  panelId: string;
  shotNumber: string;
  durationMs: number;
}

/** The average shot length after each day the board was edited (from the decision log and the board). */
export interface PacingPoint {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  averageShotMs: number;
  panels: number;
}

export interface GenerationFigures {
  /** Variations stored, in total and per panel that has any. */
  variations: number;
  variationsPerPanel: Record<string, number>;
  /** Picks per "provider/model". */
  picksByModel: Record<string, number>;
  picks: number;
  /** Picks of the first variation of their request (0..1 as a share of picks; 0 when no picks). */
  firstVariationPickedShare: number;
  /** Prompt versions per panel that has any. */
  promptVersionsPerPanel: Record<string, number>;
  /** Median time from a panel's first generation request to its first pick, in ms; null when none. */
  medianTimeToPickMs: number | null;
}

export interface Insights {
  scenes: SceneInsights[];
  totals: CoverageFigures & { shortest: Hold[]; longest: Hold[] };
  pacingHistory: PacingPoint[];
  generation: GenerationFigures;
}

/** What to compute the figures for: every scene when sceneIds is absent. Omitted scenes and panels are left out. */
export interface InsightsQuery {
  sceneIds?: string[];
}
