import { describe, expect, it } from 'vitest';
import { paragraphDirection, visualPieces, type Direction } from '../../shared/text/bidi';
import { EMOJI_FALLBACK, printableEmoji } from '../../electron/core/export/pdf/text/emoji';
import { fitText } from '../../electron/core/export/pdf/text/fit';
import { fontBook } from '../../electron/core/export/pdf/text/font-book';
import { measureText, splitRuns } from '../../electron/core/export/pdf/text/runs';
import { shapeRun } from '../../electron/core/export/pdf/text/shaping';
import type { Span } from '../../electron/core/export/pdf/text/wrap';

const book = fontBook();
const reversed = (s: string) => [...s].reverse().join('');
/** A line as it appears on paper, left to right, one character after another. */
const onPaper = (text: string, dir: Direction) => visualPieces([{ text }], dir).map((p) => (p.rtl ? reversed(p.text) : p.text)).join('');
const para = (text: string, extra: Partial<Span> = {}): Span[] => [{ text, role: 'regular', color: '#000', ...extra }];

describe('PDF text: bidirectional order', () => {
  it('orders mixed Latin, Hebrew and numbers on a line the Unicode way', () => {
    // Left-to-right paragraph: the Hebrew phrase reads right to left in place, numbers stay left to right.
    expect(onPaper('Take 2: שלום 123 עולם!', 'ltr')).toBe('Take 2: םלוע 123 םולש!');
    // Right-to-left paragraph: the Latin part goes to the right end (where the line starts).
    expect(onPaper('Take 2: שלום 123 עולם!', 'rtl')).toBe('!םלוע 123 םולש :Take 2');
    // Brackets mirror inside right-to-left text, so they still enclose the word.
    expect(onPaper('(שלום) 2024', 'rtl')).toBe('2024 (םולש)');
    // Emoji are neutral: between Hebrew words they follow the Hebrew, right to left.
    expect(onPaper('שלום 😀🎬 עולם', 'rtl')).toBe('םלוע 🎬😀 םולש');
    // Latin-only text is passed through untouched.
    expect(visualPieces([{ text: 'Cut to (black)' }], 'ltr')).toEqual([{ span: { text: 'Cut to (black)' }, text: 'Cut to (black)', rtl: false }]);
  });

  it('takes a paragraph\'s direction from its first strong letter, ignoring field labels', () => {
    expect(paragraphDirection('123 שלום world')).toBe('rtl');
    expect(paragraphDirection('Hello שלום')).toBe('ltr');
    expect(paragraphDirection('٣ مرحبا')).toBe('rtl');
    const r = fitText(book, [[{ text: 'Dialogue ', role: 'bold', color: '#555', label: true }, { text: 'שלום עולם', role: 'italic', color: '#000' }]], { x: 0, y: 0, w: 200, h: 40 }, { size: 9, align: 'start' });
    const [line] = r.ops;
    // Right-aligned, with the label at the start of the line: on the right, ending at the box's edge.
    const label = line.runs.at(-1)!;
    expect(label.text).toBe('Dialogue');
    expect(line.x + label.dx + measureText(book, 'bold', 'Dialogue') * 9).toBeCloseTo(200, 1);
  });

  it('wraps right-to-left paragraphs in reading order, each line right-aligned', () => {
    const words = ['אחת', 'שתיים', 'שלוש', 'ארבע', 'חמש', 'שש', 'שבע', 'שמונה'];
    const box = { x: 10, y: 0, w: 60, h: 200 };
    const r = fitText(book, [para(words.join(' '))], box, { size: 9, align: 'start' });
    expect(r.ops.length).toBeGreaterThan(1);
    // Read each line from its right end: the words follow on from line to line.
    const read = r.ops.flatMap((op) => [...op.runs].sort((a, b) => b.dx - a.dx).flatMap((run) => run.text.trim().split(/ +/)));
    expect(read).toEqual(words);
    for (const op of r.ops) {
      expect(op.runs.every((run) => run.rtl)).toBe(true);
      const width = op.runs.reduce((w, run) => w + book.allFaces().find((f) => f.key === run.face)!.font.layout(run.text).advanceWidth / 1000 * 9, 0);
      expect(op.x + width).toBeCloseTo(box.x + box.w, 0);
    }
    // 'left' (the default) still means left, for labels placed by the layout.
    expect(fitText(book, [para('שלום')], box, { size: 9 }).ops[0].x).toBe(box.x);
  });
});

describe('PDF text: shaping and fonts for Hebrew, Arabic and emoji', () => {
  it('shapes Arabic into joined forms, drawn right to left', () => {
    const [run] = splitRuns(book, 'regular', 'بالعالم');
    expect(run.face.key).toBe('NotoSansArabic-Regular');
    const shaped = shapeRun(run.face, run.text, true);
    // Visual order: the glyph of the first letter is drawn last (rightmost).
    expect(shaped.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('')).toBe(reversed('بالعالم'));
    // Joined letters use their initial/medial/final forms, not the isolated glyph the character maps to.
    const isolated = [...'بالعالم'].map((c) => run.face.font.glyphForCodePoint(c.codePointAt(0)!).id).reverse();
    const changed = shaped.glyphs.filter((g, i) => g.id !== isolated[i]).length;
    expect(changed).toBeGreaterThanOrEqual(6);
    expect(splitRuns(book, 'bold', 'שלום')[0].face.key).toBe('NotoSansHebrew-Bold');
  });

  it('keeps the line box: the Arabic font\'s tall declared metrics do not space every line further apart', () => {
    expect(book.ascent).toBeLessThan(1.1);
    expect(book.descent).toBeLessThan(0.5);
  });

  it('prints emoji with the emoji font, or a visible mark, never an empty box', () => {
    const runs = splitRuns(book, 'regular', printableEmoji(book, 'regular', 'Go 🎬 now'));
    expect(runs.find((r) => r.text.includes('🎬'))!.face.key).toBe('Symbola-Emoji');
    // Colour selectors, skin tones and ZWJ joins have no monochrome meaning: the base pictographs print.
    expect(printableEmoji(book, 'regular', '👍🏽 ❤️ 👨‍👩‍👧')).toBe('👍 ❤ 👨👩👧');
    // An emoji newer than the font prints as a visible replacement mark.
    expect(printableEmoji(book, 'regular', 'Smile 🥲')).toBe(`Smile ${EMOJI_FALLBACK}`);
    expect(book.covers('regular', EMOJI_FALLBACK.codePointAt(0)!)).toBe(true);
    // ZWJ and ZWNJ in Arabic and Indic text shape letters: they are kept.
    expect(printableEmoji(book, 'regular', 'क्‍ष می‌خواهم')).toBe('क्‍ष می‌خواهم');
    const r = fitText(book, [para('Cut 😀 ❤️ 🥲')], { x: 0, y: 0, w: 200, h: 40 }, { size: 9 });
    expect(r.ops[0].runs.map((x) => x.text).join('')).toBe(`Cut 😀 ❤ ${EMOJI_FALLBACK}`);
  });
});
