import { describe, expect, it } from 'vitest';
import { fontBook } from '../../electron/core/export/pdf/text/font-book';
import { fitLine, fitText } from '../../electron/core/export/pdf/text/fit';
import { splitRuns } from '../../electron/core/export/pdf/text/runs';
import { breakPieces } from '../../electron/core/export/pdf/text/tokens';
import type { Span } from '../../electron/core/export/pdf/text/wrap';

const book = fontBook();
const text = (s: string): Span[] => [{ text: s, role: 'regular', color: '#000' }];
const lineText = (r: ReturnType<typeof fitText>) => r.ops.map((o) => o.runs.map((x) => x.text).join(''));

describe('PDF text: fonts, fallback, wrapping and fitting', () => {
  it('picks a font with the glyphs for each script, and never fails on a character no font has', () => {
    const runs = splitRuns(book, 'regular', 'Café Москва 東京です → ★ हिन्दी ไทย \u{10FFFD}');
    const faces = new Map(runs.map((r) => [r.text.trim(), r.face.key]));
    expect(faces.get('Café Москва')).toBe('NotoSans-Regular');
    expect(faces.get('東京です')).toBe('DroidSansFallbackFull');
    expect(faces.get('→ ★')).toBe('DejaVuSans');
    expect(faces.get('हिन्दी')).toBe('NotoSansDevanagari-Regular');
    expect(faces.get('ไทย')).toBe('NotoSansThai-Regular');
    expect(runs.map((r) => r.text).join('')).toBe('Café Москва 東京です → ★ हिन्दी ไทย \u{10FFFD}');
    // Tabs print as spaces; control characters (no glyph anywhere) are dropped.
    expect(lineText(fitText(book, [text('Cut\tto\u0007 black')], { x: 0, y: 0, w: 200, h: 40 }, { size: 9 }))).toEqual(['Cut to black']);
  });

  it('breaks between words, after hyphens and between CJK characters, but not before closing punctuation', () => {
    expect(breakPieces('a well-known fact').map((p) => p.text)).toEqual(['a', 'well-', 'known', 'fact']);
    expect(breakPieces('鍋の中、何か。').map((p) => p.text)).toEqual(['鍋', 'の', '中、', '何', 'か。']);
  });

  it('keeps every line inside the box: wraps, then shrinks, then cuts with an ellipsis', () => {
    const box = { x: 10, y: 20, w: 120, h: 60 };
    const short = fitText(book, [text('Maya opens the door.')], box, { size: 9, minSize: 6 });
    expect(short).toMatchObject({ size: 9, truncated: false });
    expect(lineText(short)).toEqual(['Maya opens the door.']);

    const long = 'Steam rolls out of the kitchen as the door swings open and the cook turns. ';
    const shrunk = fitText(book, [text(long.repeat(2))], box, { size: 9, minSize: 6 });
    expect(shrunk.size).toBeLessThan(9);
    expect(shrunk.truncated).toBe(false);

    const cut = fitText(book, [text(long.repeat(20))], box, { size: 9, minSize: 6 });
    expect(cut).toMatchObject({ size: 6, truncated: true });
    expect(lineText(cut).at(-1)).toMatch(/…$/);
    for (const r of [short, shrunk, cut]) {
      expect(r.height).toBeLessThanOrEqual(box.h + 1e-6);
      for (const op of r.ops) {
        expect(op.y - book.ascent * op.size).toBeGreaterThanOrEqual(box.y - 1e-6);
        expect(op.y + book.descent * op.size).toBeLessThanOrEqual(box.y + box.h + 1e-6);
        expect(op.x).toBeGreaterThanOrEqual(box.x - 1e-6);
      }
    }
  });

  it('cuts the longest paragraph first, so dialogue under a long action still shows', () => {
    const r = fitText(
      book,
      [text('A very long action line that goes on and on. '.repeat(12)), [{ text: 'Dialogue ', role: 'bold', color: '#555' }, { text: 'Не трогай это.', role: 'italic', color: '#000' }]],
      { x: 0, y: 0, w: 150, h: 50 },
      { size: 8, minSize: 6 },
    );
    const lines = lineText(r);
    expect(lines.at(-1)).toBe('Dialogue Не трогай это.');
    expect(lines.at(-2)).toMatch(/…$/);
  });

  it('cuts a word longer than the line, and a single line ends in an ellipsis', () => {
    const r = fitText(book, [text('Supercalifragilisticexpialidocious'.repeat(3))], { x: 0, y: 0, w: 60, h: 200 }, { size: 9 });
    expect(r.ops.length).toBeGreaterThan(2);
    const one = fitLine(book, text('INT. A VERY LONG SCENE HEADING THAT WILL NOT FIT - NIGHT'), { x: 0, y: 0, w: 80, h: 20 }, { size: 9 });
    expect(lineText(one)).toHaveLength(1);
    expect(lineText(one)[0]).toMatch(/^INT\. .*…$/);
  });
});
