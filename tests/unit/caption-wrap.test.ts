import { describe, expect, it } from 'vitest';
import { measureBurnIn } from '../../electron/core/animatic/burn-in-text';
import { ELLIPSIS, wrapCaption, type Measure } from '../../shared/text/caption-wrap';
import { paragraphDirection, visualPieces } from '../../shared/text/bidi';

const visualRuns = (line: string, rtl: boolean) => visualPieces([{ text: line }], rtl ? 'rtl' : 'ltr').map(({ text, rtl: r }) => ({ text, rtl: r }));

/** The exporter's measure: shaped widths in the bundled fonts. */
const em: Measure = (s) => measureBurnIn('regular', s);
const graphemes = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment);

const LONG = 'I have been calling and calling since the storm took the lights out, and nobody on this whole street would answer the door for me (not even once).';

describe('caption wrapping (shared by the player and the exporter)', () => {
  it('wraps long Latin dialogue at spaces, every line within the width, no word lost', () => {
    const lines = wrapCaption(LONG, 20, 10, em);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(em(l)).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe(LONG);
    // Greedy: the next line's first word would not have fitted on the line before.
    for (let i = 1; i < lines.length; i++) expect(em(`${lines[i - 1]} ${lines[i].split(' ')[0]}`)).toBeGreaterThan(20);
  });

  it('keeps a character cue on its own line and never runs two lines together', () => {
    expect(wrapCaption('Are you there?\nGRANDPA\nRight here.', 30, 3, em)).toEqual(['Are you there?', 'GRANDPA', 'Right here.']);
    expect(wrapCaption('GRANDPA\r\n\r\nAre you there?', 30, 3, em)).toEqual(['GRANDPA', 'Are you there?']);
  });

  it('cuts with an ellipsis on the last allowed line, and the cut line still fits', () => {
    const lines = wrapCaption(LONG, 20, 3, em);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith(ELLIPSIS)).toBe(true);
    expect(em(lines[2])).toBeLessThanOrEqual(20);
    expect(LONG.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
  });

  it('keeps a closing parenthesis that fits, and breaks before an opening one rather than after it', () => {
    const text = 'MIKA (whispering)\nDo not wake him (please)';
    const lines = wrapCaption(text, 7, 4, em);
    expect(lines).toEqual(['MIKA', '(whispering)', 'Do not wake', 'him (please)']);
    // Cut short, the line keeps its closing parenthesis before the ellipsis.
    expect(wrapCaption('Shh (he is asleep) and so on and so on', 7, 2, em)).toEqual(['Shh (he is', 'asleep) and…']);
  });

  it('breaks Japanese between characters, never before 。 、 or a small kana', () => {
    const text = 'ここにいるよ、おじいちゃん。ずっと待っていたんだから、早く帰ってきてね。';
    const lines = wrapCaption(text, 8, 10, em);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const l of lines) {
      expect(em(l)).toBeLessThanOrEqual(8);
      expect(l[0]).not.toMatch(/[、。っゃゅょ]/);
    }
  });

  it('wraps Hebrew at spaces and orders it right to left, digits and Latin left to right', () => {
    const text = 'שלום סבא, אני כאן ואני מחכה לך כבר שעה ארוכה מאוד';
    const lines = wrapCaption(text, 9, 10, em);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(em(l)).toBeLessThanOrEqual(9);
    expect(paragraphDirection(text)).toBe('rtl');
    expect(paragraphDirection('OK שלום')).toBe('ltr');
    // An RTL line: its Hebrew is one right-to-left run; the number and the Latin word read left to right,
    // laid out from the right; the brackets are mirrored for right-to-left drawing.
    expect(visualRuns('שלום (123) OK', true)).toEqual([
      { text: 'OK', rtl: false },
      { text: '( ', rtl: true },
      { text: '123', rtl: false },
      { text: 'שלום )', rtl: true },
    ]);
    expect(visualRuns('Call שלום עולם now', false)).toEqual([
      { text: 'Call ', rtl: false },
      { text: 'שלום עולם', rtl: true },
      { text: ' now', rtl: false },
    ]);
  });

  it('never splits an emoji (with its modifier or joiner) when a long word has to be cut', () => {
    const family = '👨‍👩‍👧';
    const text = `${'👍🏽'.repeat(12)}${family}${'😀'.repeat(12)}`;
    const lines = wrapCaption(text, 4, 20, em);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const l of lines) for (const g of graphemes(l)) expect(['👍🏽', family, '😀']).toContain(g);
  });

  it('has a glyph in the bundled fonts for Latin, Japanese, Hebrew, Devanagari, Thai and common emoji', async () => {
    const { missingGlyphs } = await import('../../electron/core/animatic/burn-in-text');
    expect(missingGlyphs('regular', `${LONG} ここにいるよ、おじいちゃん。 שלום נמסטה नमस्ते สวัสดี 😀👍🚪🔥❤️🎬 …`)).toEqual([]);
    expect(missingGlyphs('bold', '12A ש 日本')).toEqual([]);
    expect(missingGlyphs('regular', 'a\u{E000}b')).toEqual(['\u{E000}']);
  });
});
