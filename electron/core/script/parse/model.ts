/**
 * The parsed screenplay: the contract between the script parsers (Fountain 1.1, Final Draft .fdx) and
 * everything built on them (database import, re-import matching, API, CLI, UI).
 *
 * Text is always plain: Fountain emphasis markers (`*`, `**`, `***`, `_`) are removed, `\` escapes
 * resolved, boneyard and sections dropped, notes lifted out into their own `note` elements. FDX runs
 * styled AllCaps are upper-cased as Final Draft prints them.
 */
export type ScriptFormat = 'fountain' | 'fdx';

export type Dual = 'left' | 'right';

export interface TitleEntry {
  /** As written in Fountain (`Draft date`, `Contact`, any other key); for FDX see fdx/title-page.ts. */
  key: string;
  /** Plain text; a multi-line value keeps its lines joined with '\n'. */
  value: string;
}

export interface Screenplay {
  format: ScriptFormat;
  titlePage: TitleEntry[];
  /** The Title entry's plain text, its lines joined with a space (a name for the project); null without one. */
  title: string | null;
  /**
   * In script order. Content before the first heading becomes a scene with heading null only when it
   * has board-worthy content (action, dialogue, lyric, shot); a lone `FADE IN:` or note does not.
   */
  scenes: ScriptScene[];
  /** Distinct character names (extensions and `^` stripped), in order of first appearance. */
  characters: string[];
  /** One-line, human-readable remarks for the import preview. */
  warnings: string[];
  /** True when the script has no scene heading at all (then everything is one scene with heading null). */
  noSceneHeading: boolean;
  /** The screenplay as formatted lines for a script pane (title page, boneyard, sections and synopses excluded). */
  lines: ScriptLine[];
}

export interface ScriptScene {
  /** Heading as written without the forcing `.` and the `#number#`, e.g. "INT. KITCHEN - NIGHT"; null for content before any heading. */
  heading: string | null;
  /** Scene number as text ('12', '6A', 'I-1-A'), from Fountain `#…#` or FDX `Number`; null when none. */
  number: string | null;
  /** True when another scene has the same number (compared case-insensitively); both are kept. */
  duplicateNumber: boolean;
  /** Fountain `=` synopsis lines of the scene joined with '\n'; FDX SceneProperties Summary. '' when none. */
  synopsis: string;
  /** Board-worthy content in script order. */
  elements: ScriptElement[];
  /** Distinct character names speaking in this scene, first appearance order. */
  characters: string[];
  /** Estimated printed lines of the scene (heading, text wrapped at standard screenplay widths, blank lines; notes excluded). */
  lineCount: number;
  /** Length in eighths of a page: FDX SceneProperties Length ("1 1/8" = 9) when given, else lineCount at 55 lines a page (at least 1). */
  pageEighths: number;
  /** False when pageEighths came from the script itself (FDX Length), true when estimated. */
  pageEighthsEstimated: boolean;
  /** [first, last] indices into Screenplay.lines of the heading and everything in the scene. */
  lines: [number, number];
}

/** A line range in Screenplay.lines, inclusive. */
export type LineRange = [first: number, last: number];

export type DialoguePart = { kind: 'parenthetical' | 'line' | 'lyric'; text: string };

export type ScriptElement =
  /** Newlines and leading indentation kept (tab = 4 spaces). `centered`: Fountain `>text<`, FDX Alignment="Center". */
  | { kind: 'action'; text: string; centered: boolean; lines: LineRange }
  | {
      kind: 'dialogue';
      /** Name without extension or `^`; case as written for `@` cues; the first spelling seen is used for every later cue differing only in case. */
      character: string;
      /** The cue as printed: name plus extension, e.g. "HANS (on the radio)". */
      cue: string;
      /** Everything from the first '(' of the cue, e.g. "(V.O.)" or "(V.O.) (CONT'D)"; null when none. */
      extension: string | null;
      dual: Dual | null;
      /** Consecutive spoken lines are one 'line' part joined with '\n' (a Fountain two-space line is an empty line in it). */
      parts: DialoguePart[];
      lines: LineRange;
    }
  | { kind: 'transition'; text: string; lines: LineRange }
  /** Fountain `[[note]]` (standalone, or lifted from the element it was in and placed right after it); FDX ScriptNote. */
  | { kind: 'note'; text: string; lines: LineRange }
  /** Fountain `~` lines outside dialogue; FDX Singing paragraphs outside dialogue. */
  | { kind: 'lyric'; text: string; lines: LineRange }
  /** FDX Shot paragraphs (Fountain has no shot element). */
  | { kind: 'shot'; text: string; lines: LineRange };

export type ScriptElementKind = ScriptElement['kind'];

export type ScriptLineKind =
  | 'heading'
  | 'action'
  | 'centered'
  | 'character'
  | 'parenthetical'
  | 'dialogue'
  | 'lyric'
  | 'transition'
  | 'note'
  | 'shot'
  | 'pagebreak'
  | 'blank';

export interface ScriptLine {
  kind: ScriptLineKind;
  /** One printed line (no wrapping applied); '' for blank lines and page breaks. */
  text: string;
  /** Index into Screenplay.scenes; null for lines before the first scene that are not part of one (e.g. `FADE IN:`). */
  sceneIndex: number | null;
  /** Index into that scene's elements; null for headings, blank lines and page breaks. */
  elementIndex: number | null;
  /** Set on the lines of dual dialogue. */
  dual?: Dual;
}
