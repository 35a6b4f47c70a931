import { splitCue } from './cue';
import { eighthsFromLines, headingLines, printedLines } from './layout';
import type { DialoguePart, Dual, Screenplay, ScriptElement, ScriptFormat, ScriptLine, ScriptLineKind, ScriptScene } from './model';
import type { ReadResult } from './tokens';

type Draft<T> = T extends ScriptElement ? Omit<T, 'lines'> & { lines?: ScriptElement['lines'] } : never;
type ElementDraft = Draft<ScriptElement>;
type DialogueDraft = Extract<ElementDraft, { kind: 'dialogue' }>;
type Item = { el: ElementDraft } | { pagebreak: true };

interface SceneDraft {
  heading: string | null;
  number: string | null;
  synopsis: string[];
  pageEighths?: number;
  items: Item[];
}

const BOARD_WORTHY = new Set<ScriptElement['kind']>(['action', 'dialogue', 'lyric', 'shot']);

/** Canonical spelling per name, compared case-insensitively: the first spelling seen wins. */
class CharacterList {
  private readonly byKey = new Map<string, string>();
  canonical(name: string): string {
    const key = name.toUpperCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.byKey.set(key, name);
    return name;
  }
}

function groupTokens(read: ReadResult, names: CharacterList): SceneDraft[] {
  const drafts: SceneDraft[] = [{ heading: null, number: null, synopsis: [], items: [] }];
  let cur = drafts[0];
  let open: DialogueDraft | null = null;
  const push = (el: ElementDraft) => cur.items.push({ el });

  for (const tok of read.tokens) {
    if (tok.t === 'parenthetical' || tok.t === 'speech' || tok.t === 'sung') {
      if (!open) {
        push({ kind: 'action', text: tok.text, centered: false });
        continue;
      }
      const kind: DialoguePart['kind'] = tok.t === 'parenthetical' ? 'parenthetical' : tok.t === 'speech' ? 'line' : 'lyric';
      const last = open.parts[open.parts.length - 1];
      if (last && kind !== 'parenthetical' && last.kind === kind) last.text += `\n${tok.text}`;
      else open.parts.push({ kind, text: tok.text });
      continue;
    }
    open = null;
    switch (tok.t) {
      case 'heading':
        cur = { heading: tok.text, number: tok.number, synopsis: tok.synopsis ? [tok.synopsis] : [], pageEighths: tok.pageEighths, items: [] };
        drafts.push(cur);
        break;
      case 'synopsis':
        cur.synopsis.push(tok.text);
        break;
      case 'cue': {
        const c = splitCue(tok.cue);
        let dual: Dual | null = tok.dual;
        if (dual === 'right') {
          const prev = cur.items[cur.items.length - 1];
          if (prev && 'el' in prev && prev.el.kind === 'dialogue') {
            if (prev.el.dual === null) prev.el.dual = 'left';
          } else if (tok.dual === 'right') dual = null; // a `^` with no speech before it has nothing to pair with
        }
        open = { kind: 'dialogue', character: names.canonical(c.name), cue: c.cue, extension: c.extension, dual, parts: [] };
        push(open);
        break;
      }
      case 'action':
        push({ kind: 'action', text: tok.text, centered: tok.centered });
        break;
      case 'pagebreak':
        cur.items.push({ pagebreak: true });
        break;
      default:
        push({ kind: tok.t, text: tok.text });
    }
  }
  for (const d of drafts) for (const i of d.items) if ('el' in i && i.el.kind === 'dialogue') i.el.parts = tidyParts(i.el.parts);
  return drafts;
}

/** Empty lines (Fountain two-space lines) at the start or end of a speech carry nothing. */
function tidyParts(parts: DialoguePart[]): DialoguePart[] {
  const out: DialoguePart[] = [];
  for (const p of parts) {
    let a = 0;
    let b = p.text.length;
    if (p.kind !== 'parenthetical') {
      while (a < b && p.text.charCodeAt(a) === 10) a++;
      while (b > a && p.text.charCodeAt(b - 1) === 10) b--;
    }
    if (b > a) out.push(a === 0 && b === p.text.length ? p : { kind: p.kind, text: p.text.slice(a, b) });
  }
  return out;
}

const split = (text: string) => text.split('\n');

function line(kind: ScriptLineKind, text: string, sceneIndex: number | null, elementIndex: number | null, dual?: Dual): ScriptLine {
  const l: ScriptLine = { kind, text, sceneIndex, elementIndex };
  if (dual) l.dual = dual;
  return l;
}

/** Writes an element's lines; returns nothing, the caller reads the range from the line count. */
function renderElement(el: ElementDraft, emit: (kind: ScriptLineKind, text: string, dual?: Dual) => void): void {
  switch (el.kind) {
    case 'action':
      for (const l of split(el.text)) emit(el.centered ? 'centered' : 'action', l);
      return;
    case 'dialogue': {
      const dual = el.dual ?? undefined;
      emit('character', el.cue, dual);
      for (const p of el.parts) {
        const kind: ScriptLineKind = p.kind === 'line' ? 'dialogue' : p.kind;
        for (const l of split(p.text)) emit(kind, l, dual);
      }
      return;
    }
    default:
      for (const l of split(el.text)) emit(el.kind, l);
  }
}

export function assemble(format: ScriptFormat, read: ReadResult): Screenplay {
  const names = new CharacterList();
  const drafts = groupTokens(read, names);
  const warnings = [...read.warnings];
  const pre = drafts[0];
  const noSceneHeading = drafts.length === 1;
  const preIsScene = pre.items.some((i) => 'el' in i && BOARD_WORTHY.has(i.el.kind));
  const sceneDrafts = preIsScene ? drafts : drafts.slice(1);

  const lines: ScriptLine[] = [];
  const blank = (sceneIndex: number | null) => {
    if (lines.length && lines[lines.length - 1].kind !== 'blank') lines.push({ kind: 'blank', text: '', sceneIndex, elementIndex: null });
  };

  if (!preIsScene) {
    for (const item of pre.items) {
      blank(null);
      if ('pagebreak' in item) lines.push({ kind: 'pagebreak', text: '', sceneIndex: null, elementIndex: null });
      else renderElement(item.el, (kind, text, dual) => lines.push(line(kind, text, null, null, dual)));
    }
  }

  const scenes: ScriptScene[] = sceneDrafts.map((d, sceneIndex) => {
    blank(sceneIndex);
    const first = lines.length;
    if (d.heading !== null) lines.push({ kind: 'heading', text: d.heading, sceneIndex, elementIndex: null });
    const elements: ScriptElement[] = [];
    const characters: string[] = [];
    let lineCount = headingLines(d.heading);
    for (const item of d.items) {
      blank(sceneIndex);
      if ('pagebreak' in item) {
        lines.push({ kind: 'pagebreak', text: '', sceneIndex, elementIndex: null });
        continue;
      }
      const elementIndex = elements.length;
      const start = lines.length;
      renderElement(item.el, (kind, text, dual) => lines.push(line(kind, text, sceneIndex, elementIndex, dual)));
      item.el.lines = [start, lines.length - 1];
      const el = item.el as ScriptElement;
      elements.push(el);
      const printed = printedLines(el);
      if (printed) lineCount += printed + 1;
      if (el.kind === 'dialogue' && !characters.includes(el.character)) characters.push(el.character);
    }
    return {
      heading: d.heading,
      number: d.number,
      duplicateNumber: false,
      synopsis: d.synopsis.join('\n'),
      elements,
      characters,
      lineCount,
      pageEighths: d.pageEighths ?? eighthsFromLines(lineCount),
      pageEighthsEstimated: d.pageEighths === undefined,
      lines: [first, Math.max(first, lines.length - 1)],
    };
  });

  const byNumber = new Map<string, ScriptScene[]>();
  for (const s of scenes) {
    if (s.number === null) continue;
    const key = s.number.toUpperCase();
    const same = byNumber.get(key);
    if (same) same.push(s);
    else byNumber.set(key, [s]);
  }
  for (const same of byNumber.values()) {
    if (same.length < 2) continue;
    for (const s of same) s.duplicateNumber = true;
    warnings.push(`Scene number ${same[0].number} is used ${same.length === 2 ? 'twice' : `${same.length} times`}.`);
  }

  if (noSceneHeading && preIsScene) warnings.push('No scene heading: imported as one scene.');
  if (scenes.length === 0) warnings.push('No scenes, action or dialogue found.');

  const characters: string[] = [];
  for (const s of scenes) for (const c of s.characters) if (!characters.includes(c)) characters.push(c);

  const titleEntry = read.titlePage.find((e) => e.key.trim().toLowerCase() === 'title');
  const title = titleEntry ? titleEntry.value.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') || null : null;

  return { format, titlePage: read.titlePage, title, scenes, characters, warnings, noSceneHeading, lines };
}
