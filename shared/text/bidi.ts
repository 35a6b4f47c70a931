/**
 * The Unicode bidirectional algorithm for one line of plain text, without explicit embeddings
 * (rules P2-P3, W1, W4-W5, W7, N1-N2, I1-I2, L2, L4): enough for captions mixing Hebrew or Arabic
 * with Latin, digits and punctuation. The player leaves this to the browser's canvas; the exporter
 * draws glyphs itself and needs the same visual order.
 */
type BidiClass = 'L' | 'R' | 'EN' | 'CS' | 'ET' | 'NSM' | 'N';

const isRtl = (cp: number) =>
  (cp >= 0x0590 && cp <= 0x08ff && !(cp >= 0x0660 && cp <= 0x0669) && !(cp >= 0x06f0 && cp <= 0x06f9)) ||
  (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff) || (cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1efff);
const isMark = (cp: number) =>
  (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x0591 && cp <= 0x05c7 && cp !== 0x05be && cp !== 0x05c0 && cp !== 0x05c3 && cp !== 0x05c6) ||
  (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d;
const NEUTRAL = /[\p{P}\p{S}\p{Z}\p{Cc}]/u;

function classOf(ch: string): BidiClass {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) return 'EN';
  if (isMark(cp)) return 'NSM';
  if (isRtl(cp)) return 'R';
  if (ch === ',' || ch === '.' || ch === ':' || ch === '/' || ch === '\u00a0') return 'CS';
  if ('#$%+-\u00b0\u00a2\u00a3\u00a5\u20ac\u2030'.includes(ch)) return 'ET';
  return NEUTRAL.test(ch) ? 'N' : 'L';
}

/** True when the text's first strong character is right-to-left (rules P2-P3). */
export function isRtlParagraph(text: string): boolean {
  for (const ch of text) {
    const c = classOf(ch);
    if (c === 'R') return true;
    if (c === 'L') return false;
  }
  return false;
}

export interface BidiRun {
  /** The run's characters in logical order; mirrored brackets already swapped when `rtl`. */
  text: string;
  /** Drawn right to left (its glyphs reversed). */
  rtl: boolean;
}

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

/** The line's runs of one direction, in visual order from left to right. */
export function visualRuns(line: string, rtlParagraph: boolean): BidiRun[] {
  const chars = Array.from(line);
  if (!rtlParagraph && !chars.some((c) => classOf(c) === 'R')) return chars.length ? [{ text: line, rtl: false }] : [];
  const base = rtlParagraph ? 1 : 0;
  const sos: BidiClass = base ? 'R' : 'L';
  const t = chars.map(classOf);
  for (let i = 0; i < t.length; i++) if (t[i] === 'NSM') t[i] = i > 0 ? t[i - 1] : 'N'; // W1
  for (let i = 1; i < t.length - 1; i++) if (t[i] === 'CS' && t[i - 1] === 'EN' && t[i + 1] === 'EN') t[i] = 'EN'; // W4
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== 'ET') continue; // W5: terminators touching digits are digits
    let j = i;
    while (j < t.length && t[j] === 'ET') j++;
    if ((i > 0 && t[i - 1] === 'EN') || t[j] === 'EN') for (let k = i; k < j; k++) t[k] = 'EN';
  }
  let strong: BidiClass = sos;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'L' || t[i] === 'R') strong = t[i];
    else if (t[i] === 'EN' && strong === 'L') t[i] = 'L'; // W7
  }
  const dir = (c: BidiClass): 'L' | 'R' | null => (c === 'L' ? 'L' : c === 'R' || c === 'EN' ? 'R' : null);
  for (let i = 0; i < t.length; ) {
    if (dir(t[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < t.length && !dir(t[j])) j++;
    const before = i > 0 ? dir(t[i - 1])! : dir(sos)!;
    const after = j < t.length ? dir(t[j])! : dir(sos)!;
    const resolved: BidiClass = before === after ? before : sos; // N1, N2
    for (let k = i; k < j; k++) t[k] = resolved;
    i = j;
  }
  const levels = t.map((c) => (c === 'EN' ? 2 : c === 'R' ? 1 : base ? 2 : 0)); // I1, I2
  const runs: { text: string; level: number }[] = [];
  chars.forEach((ch, i) => {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.text += ch;
    else runs.push({ text: ch, level: levels[i] });
  });
  // L2: from the highest level down to 1, reverse every sequence of runs at that level or above.
  for (let level = Math.max(...levels); level >= 1; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => (r.level % 2 ? { text: Array.from(r.text, (c) => MIRROR[c] ?? c).join(''), rtl: true } : { text: r.text, rtl: false }));
}
