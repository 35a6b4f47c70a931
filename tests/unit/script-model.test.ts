import { describe, expect, it } from 'vitest';
import { dialogueText, joinDialogue, parseScript } from '../../electron/core/script/parse';
import { parseEighths } from '../../electron/core/script/parse/layout';
import { checkLines, dialogues, fixture, fountain, shape } from '../fixtures/scripts/helpers';

describe('Screenplay.lines: the script pane', () => {
  const sp = parseScript(fixture('night-shift.fountain'), 'night-shift.fountain');

  it('every element knows its lines, and those lines point back at it', () => {
    checkLines(sp);
    const el = sp.scenes[1].elements.find((e) => e.kind === 'dialogue' && e.character === 'STRANGER')!;
    expect(sp.lines.slice(el.lines[0], el.lines[1] + 1).map((l) => `${l.kind}:${l.text}`)).toEqual([
      'character:STRANGER',
      'parenthetical:(dripping)',
      'dialogue:Are you still open?',
    ]);
  });

  it('each scene spans its heading to its last line', () => {
    sp.scenes.forEach((s, i) => {
      expect(sp.lines[s.lines[0]]).toMatchObject({ kind: 'heading', text: s.heading, sceneIndex: i });
      expect(sp.lines[s.lines[1]].sceneIndex).toBe(i);
      if (i + 1 < sp.scenes.length) expect(s.lines[1]).toBeLessThan(sp.scenes[i + 1].lines[0]);
    });
  });

  it('holds no boneyard, sections, synopses or title page; page breaks only as lines', () => {
    const text = sp.lines.map((l) => l.text).join('\n');
    expect(text).not.toMatch(/old version|I hate this job|visitor arrives|Ada Lindqvist/);
    expect(sp.lines.filter((l) => l.kind === 'pagebreak')).toHaveLength(1);
    expect(sp.lines.find((l) => l.kind === 'pagebreak')!.elementIndex).toBeNull();
  });

  it('blank lines separate elements and belong to no element', () => {
    for (const l of sp.lines.filter((x) => x.kind === 'blank')) expect(l).toMatchObject({ text: '', elementIndex: null });
    expect(sp.lines.some((l, i) => l.kind === 'blank' && sp.lines[i + 1]?.kind === 'blank')).toBe(false);
  });
});

describe('content before the first heading', () => {
  it('becomes a scene with heading null when it has action or dialogue', () => {
    const sp = fountain('FADE IN:\n\nA black screen. A voice.\n\nINT. HALL\n\nHi.\n');
    expect(sp.scenes.map((s) => s.heading)).toEqual([null, 'INT. HALL']);
    expect(shape(sp)[0]).toEqual(['transition', 'FADE IN:']);
    expect(sp.noSceneHeading).toBe(false);
    expect(sp.warnings).toEqual([]);
  });

  it('does not when it holds only a transition or a note: those lines have no scene', () => {
    const sp = fountain('FADE IN:\n\n[[cold open?]]\n\nINT. HALL\n\nHi.\n');
    expect(sp.scenes.map((s) => s.heading)).toEqual(['INT. HALL']);
    expect(sp.lines.filter((l) => l.sceneIndex === null).map((l) => l.kind)).toEqual(['transition', 'blank', 'note']);
  });
});

describe('characters', () => {
  it('distinct, in order of first appearance, per script and per scene', () => {
    const sp = fountain('INT. A\n\nMAYA\nHi.\n\nBOB\nHi.\n\nINT. B\n\nCARL\nYo.\n\nBOB (V.O.)\nYo.\n\nMAYA\nBye.\n');
    expect(sp.characters).toEqual(['MAYA', 'BOB', 'CARL']);
    expect(sp.scenes.map((s) => s.characters)).toEqual([
      ['MAYA', 'BOB'],
      ['CARL', 'BOB', 'MAYA'],
    ]);
  });

  it('names differing only in case are one character, spelled as first seen', () => {
    const sp = fountain('INT. A\n\n@McGRATH\nHi.\n\nMCGRATH\nAgain.\n');
    expect(sp.characters).toEqual(['McGRATH']);
    expect(dialogues(sp).map((d) => [d.character, d.cue])).toEqual([
      ['McGRATH', 'McGRATH'],
      ['McGRATH', 'MCGRATH'],
    ]);
  });
});

describe('dialogueText: what a board Dialogue field gets', () => {
  it('CHARACTER, then parentheticals and lines, one per line (the sample project form)', () => {
    const [d] = dialogues(fountain('INT. A\n\nMAYA\n(whispering)\nDon\'t creak.\nDon\'t creak.\n'));
    expect(dialogueText(d)).toBe("MAYA\n(whispering)\nDon't creak.\nDon't creak.");
  });

  it('keeps meaningful extensions and drops pagination ones', () => {
    const ds = dialogues(fountain("INT. A\n\nBOB (V.O.)\nOne.\n\nBOB (CONT'D)\nTwo.\n\nBOB (O.S.) (CONT’D)\nThree.\n\nBOB (cont.)\nFour.\n"));
    expect(ds.map(dialogueText)).toEqual(['BOB (V.O.)\nOne.', 'BOB\nTwo.', 'BOB (O.S.)\nThree.', 'BOB\nFour.']);
  });

  it('joins several speeches with a blank line, as the sample project does', () => {
    const ds = dialogues(fountain('INT. A\n\nBRICK\nScrew it.\n\nSTEEL ^\nScrew it.\n'));
    expect(joinDialogue(ds)).toBe('BRICK\nScrew it.\n\nSTEEL\nScrew it.');
  });
});

describe('scene length', () => {
  it('FDX Length in eighths: "1 1/8" = 9, "3/8" = 3, "2" = 16', () => {
    expect(parseEighths('1 1/8')).toBe(9);
    expect(parseEighths('3/8')).toBe(3);
    expect(parseEighths('2')).toBe(16);
    expect(parseEighths('2 4/8')).toBe(20);
    expect(parseEighths('')).toBeNull();
    expect(parseEighths('long')).toBeNull();
  });

  it('Fountain: estimated from printed lines at 55 a page; longer scenes have more eighths', () => {
    const short = fountain('INT. A\n\nHi.\n').scenes[0];
    expect(short).toMatchObject({ lineCount: 3, pageEighths: 1, pageEighthsEstimated: true });
    const action = 'He runs across the field, past the barn, into the dark woods beyond.';
    const long = fountain(`INT. A\n\n${Array.from({ length: 40 }, () => action).join('\n\n')}\n`).scenes[0];
    // each paragraph wraps to two lines at 61 characters, plus a blank line: 1 + 40 * 3 = 121 lines
    expect(long.lineCount).toBe(121);
    expect(long.pageEighths).toBe(Math.round((121 / 55) * 8));
  });

  it('notes do not count as printed lines', () => {
    const a = fountain('INT. A\n\nHi.\n').scenes[0].lineCount;
    const b = fountain('INT. A\n\nHi.\n\n[[a long note that never prints]]\n').scenes[0].lineCount;
    expect(b).toBe(a);
  });
});
