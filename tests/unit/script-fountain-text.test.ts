import { describe, expect, it } from 'vitest';
import { plainLine } from '../../electron/core/script/parse/fountain/inline';
import { fountain, shape } from '../fixtures/scripts/helpers';

describe('Fountain emphasis and escapes', () => {
  it.each([
    ['*italics*', 'italics'],
    ['**bold**', 'bold'],
    ['***bold italics***', 'bold italics'],
    ['_underline_', 'underline'],
    ['From what seems like _**BRICK & STEEL**_ to *me*.', 'From what seems like BRICK & STEEL to me.'],
    ['**bold with *italics* inside**', 'bold with italics inside'],
  ])('%s -> %s', (src, plain) => expect(plainLine(src)).toBe(plain));

  it('spacing matters: markers next to a space are literal', () => {
    expect(plainLine('He dialed *69 and then *23, and then hung up.')).toBe('He dialed *69 and then *23, and then hung up.');
    expect(plainLine('2 * 3 * 4')).toBe('2 * 3 * 4');
  });

  it('an unmatched marker stays', () => {
    expect(plainLine('a lone * star and **half')).toBe('a lone * star and **half');
  });

  it('backslash escapes make markers literal', () => {
    expect(plainLine('Steel enters the code: **\\*9765\\***')).toBe('Steel enters the code: *9765*');
    expect(plainLine('snake\\_case\\_name')).toBe('snake_case_name');
    expect(plainLine('a \\\\ backslash')).toBe('a \\ backslash');
    expect(plainLine('C:\\Users stays')).toBe('C:\\Users stays');
  });

  it('emphasis does not cross lines', () => {
    const sp = fountain('INT. HALL\n\nHe says *this\nand that* loudly.\n');
    expect(shape(sp)).toEqual([['action', 'He says *this\nand that* loudly.']]);
  });

  it('applies to headings, cues, dialogue, transitions and notes alike', () => {
    const sp = fountain('INT. *DARK* HALL\n\nBOB\n(_softly_)\nI **mean** it.\n\n> **SMASH CUT**\n');
    expect(sp.scenes[0].heading).toBe('INT. DARK HALL');
    expect(shape(sp)).toEqual([['dialogue', 'BOB', 'parenthetical:(softly)', 'line:I mean it.'], ['transition', 'SMASH CUT']]);
  });

  it('a long line full of unmatched markers is handled (linear, no blow-up)', () => {
    const line = '**a '.repeat(50_000);
    expect(plainLine(line)).toBe(line);
  });
});

describe('Fountain title page', () => {
  it('reads Key: value pairs with multi-line values (indented by 3+ spaces or a tab)', () => {
    const sp = fountain(
      'Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nCredit: Written by\nAuthor: Stu\nSource: Story by KTM\nDraft date: 1/20/2012\nContact:\n   Next Level Productions\n   1588 Mission Dr.\n\nINT. HALL\n\nHi.\n',
    );
    expect(sp.titlePage).toEqual([
      { key: 'Title', value: 'BRICK & STEEL\nFULL RETIRED' },
      { key: 'Credit', value: 'Written by' },
      { key: 'Author', value: 'Stu' },
      { key: 'Source', value: 'Story by KTM' },
      { key: 'Draft date', value: '1/20/2012' },
      { key: 'Contact', value: 'Next Level Productions\n1588 Mission Dr.' },
    ]);
    expect(sp.title).toBe('BRICK & STEEL FULL RETIRED');
    expect(shape(sp)).toEqual([['action', 'Hi.']]);
  });

  it('accepts continuation lines indented less than the spec asks', () => {
    expect(fountain('Title:\n  Two Spaces\n Author: not a key, indented\n\nINT. HALL\n').titlePage).toEqual([
      { key: 'Title', value: 'Two Spaces\nAuthor: not a key, indented' },
    ]);
  });

  it('keeps keys with spaces and unknown keys, wherever they come', () => {
    const sp = fountain('Episode Number: 3\nTitle: Pilot\nWGA Registration: 12345\n\nINT. HALL\n');
    expect(sp.titlePage.map((e) => e.key)).toEqual(['Episode Number', 'Title', 'WGA Registration']);
    expect(sp.title).toBe('Pilot');
  });

  it('a title page of unknown keys only counts when two of them have values', () => {
    expect(fountain('Project: X\nSeason: 2\n\nINT. HALL\n').titlePage).toHaveLength(2);
    const single = fountain('Later: the house burns.\n\nINT. HALL\n');
    expect(single.titlePage).toEqual([]);
    expect(shape(single)).toEqual([['action', 'Later: the house burns.']]);
  });

  it('a script opening with FADE IN: has no title page, and FADE IN: is no scene of its own', () => {
    const sp = fountain('FADE IN:\n\nINT. HALL\n\nHi.\n');
    expect(sp.titlePage).toEqual([]);
    expect(sp.scenes.map((s) => s.heading)).toEqual(['INT. HALL']);
    expect(sp.lines[0]).toMatchObject({ kind: 'transition', text: 'FADE IN:', sceneIndex: null });
  });

  it('a heading-like first line is not a key', () => {
    const sp = fountain('INT. HALL: NIGHT\n\nHi.\n');
    expect(sp.titlePage).toEqual([]);
    expect(sp.scenes[0].heading).toBe('INT. HALL: NIGHT');
  });

  it('ends at the first blank line; a page break after it is fine', () => {
    const sp = fountain('Title: One\n\n===\n\nTitle: not a key here\n\nINT. HALL\n');
    expect(sp.titlePage).toEqual([{ key: 'Title', value: 'One' }]);
    // the second "Title:" is action before the first heading, so it makes a scene with no heading
    expect(sp.scenes.map((s) => s.heading)).toEqual([null, 'INT. HALL']);
    expect(shape(sp)).toEqual([['action', 'Title: not a key here']]);
    expect(sp.lines.map((l) => l.kind).slice(0, 3)).toEqual(['pagebreak', 'blank', 'action']);
  });

  it('boneyard before the title page does not hide it', () => {
    const sp = fountain('/* first draft\nnotes to self */\nTitle: Hidden No More\nAuthor: Me\n\nINT. HALL\n');
    expect(sp.title).toBe('Hidden No More');
    expect(sp.titlePage.map((e) => e.key)).toEqual(['Title', 'Author']);
  });

  it('no title page: title null', () => {
    const sp = fountain('INT. HALL\n\nHi.\n');
    expect(sp.titlePage).toEqual([]);
    expect(sp.title).toBeNull();
  });
});

describe('Fountain line endings and BOM', () => {
  const src = 'Title: T\n\nINT. HALL\n\nBOB\nHi.\n  \nThere.\n\nCUT TO:\n';
  const expected = [['dialogue', 'BOB', 'line:Hi.\n\nThere.'], ['transition', 'CUT TO:']];

  it('LF, CRLF and CR give the same script', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const sp = fountain(src.replace(/\n/g, eol));
      expect(shape(sp)).toEqual(expected);
      expect(sp.title).toBe('T');
    }
  });

  it('a UTF-8 BOM is ignored', () => {
    const sp = fountain(`\uFEFF${src}`);
    expect(sp.titlePage).toEqual([{ key: 'Title', value: 'T' }]);
    expect(shape(sp)).toEqual(expected);
  });
});
