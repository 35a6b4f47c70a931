import { describe, expect, it } from 'vitest';
import { checkLines, dialogues, elementsOf, fountain, shape } from '../fixtures/scripts/helpers';

describe('Fountain scene headings', () => {
  it.each([
    ['INT. KITCHEN - NIGHT'],
    ['EXT. ROOF - DAY'],
    ['EST. CITY SKYLINE - DAWN'],
    ['INT./EXT. CAR - MOVING'],
    ['INT/EXT CAR - MOVING'],
    ['I/E CAR - MOVING'],
    ['int. kitchen - night'],
    ['EXT ROOF - DAY'],
  ])('%s is a heading', (heading) => {
    const sp = fountain(`${heading}\n\nShe waits.\n`);
    expect(sp.scenes.map((s) => s.heading)).toEqual([heading]);
    expect(shape(sp)).toEqual([['action', 'She waits.']]);
  });

  it('needs INT/EXT/EST/I/E followed by a dot or a space', () => {
    const sp = fountain('INTERIOR DESIGN MATTERS.\n\nEXTRA! EXTRA!\n\nINT. HALL\n');
    expect(sp.scenes.map((s) => s.heading)).toEqual([null, 'INT. HALL']);
    expect(shape(sp)).toEqual([
      ['action', 'INTERIOR DESIGN MATTERS.'],
      ['action', 'EXTRA! EXTRA!'],
    ]);
  });

  it('is forced with one leading dot followed by a letter or digit; "..." stays action', () => {
    const sp = fountain('.SNIPER SCOPE POV\n\n...and then nothing.\n\n.2 WEEKS LATER\n');
    expect(sp.scenes.map((s) => s.heading)).toEqual(['SNIPER SCOPE POV', '2 WEEKS LATER']);
    expect(shape(sp)).toEqual([['action', '...and then nothing.']]);
  });

  it('takes the scene number from #…# at the end: letters, digits, dashes and dots', () => {
    const sp = fountain('INT. A #1#\n\nEXT. B #1A#\n\nINT. C #I-1-A#\n\nINT. D #1.#\n\n.FORCED #110A#\n\nINT. E #not a number#\n');
    expect(sp.scenes.map((s) => [s.heading, s.number])).toEqual([
      ['INT. A', '1'],
      ['EXT. B', '1A'],
      ['INT. C', 'I-1-A'],
      ['INT. D', '1.'],
      ['FORCED', '110A'],
      ['INT. E #not a number#', null],
    ]);
  });

  it('needs a blank line before it: inside a paragraph it is action', () => {
    const sp = fountain('INT. HALL\n\nShe runs out.\nINT. CAR - she gets in.\n');
    expect(sp.scenes).toHaveLength(1);
    expect(shape(sp)).toEqual([['action', 'She runs out.\nINT. CAR - she gets in.']]);
  });

  it('is still a heading with action directly under it (no blank line after)', () => {
    const sp = fountain('INT. HALL - DAY\nShe runs out.\n\nBOB\nWait!\n');
    expect(sp.scenes[0].heading).toBe('INT. HALL - DAY');
    expect(shape(sp)).toEqual([['action', 'She runs out.'], ['dialogue', 'BOB', 'line:Wait!']]);
  });
});

describe('Fountain action', () => {
  it('keeps line breaks and leading indentation (a tab is four spaces)', () => {
    const sp = fountain('INT. HALL\n\nShe counts:\n    one,\n\ttwo.\n');
    expect(shape(sp)).toEqual([['action', 'She counts:\n    one,\n    two.']]);
  });

  it('a blank line ends an action; a two-space line keeps it one element with an empty line', () => {
    const sp = fountain('INT. HALL\n\nFirst.\n\nSecond.\n  \nStill second.\n');
    expect(shape(sp)).toEqual([
      ['action', 'First.'],
      ['action', 'Second.\n\nStill second.'],
    ]);
  });

  it('is forced with "!" (the mark is removed)', () => {
    const sp = fountain('INT. HALL\n\n!BOB\nwalks in.\n\n!CUT TO:\n');
    expect(shape(sp)).toEqual([
      ['action', 'BOB\nwalks in.'],
      ['action', 'CUT TO:'],
    ]);
  });
});

describe('Fountain characters and dialogue', () => {
  it('an all-caps line after a blank line with text under it is a cue; the text is dialogue', () => {
    const sp = fountain('INT. HALL\n\nBOB\nHello.\nHow are you?\n');
    expect(shape(sp)).toEqual([['dialogue', 'BOB', 'line:Hello.\nHow are you?']]);
  });

  it('needs at least one letter: R2D2 is a cue, 23 is not', () => {
    const sp = fountain('INT. HALL\n\nR2D2\nBeep.\n\n23\nskidoo.\n');
    expect(shape(sp)).toEqual([
      ['dialogue', 'R2D2', 'line:Beep.'],
      ['action', '23\nskidoo.'],
    ]);
  });

  it('a caps line with nothing under it is not a cue', () => {
    const sp = fountain('INT. HALL\n\nBOB\n\nHe leaves.\n');
    expect(shape(sp)).toEqual([['action', 'BOB'], ['action', 'He leaves.']]);
  });

  it('a cue needs a blank line before it', () => {
    const sp = fountain('INT. HALL\n\nHe shouts\nBOB\nand waits.\n');
    expect(shape(sp)).toEqual([['action', 'He shouts\nBOB\nand waits.']]);
  });

  it('"@" forces a cue and keeps its case', () => {
    const sp = fountain('INT. HALL\n\n@McGRATH\nHello.\n\n@tiny tim\nGod bless.\n');
    expect(dialogues(sp).map((d) => d.character)).toEqual(['McGRATH', 'tiny tim']);
    expect(sp.characters).toEqual(['McGRATH', 'tiny tim']);
  });

  it('strips extensions from the name and keeps them on the cue', () => {
    const sp = fountain(
      "INT. HALL\n\nBOB (V.O.)\nOne.\n\nBOB (CONT'D)\nTwo.\n\nHANS (on the radio)\nThree.\n\nMAYA (O.S.) (CONT'D)\nFour.\n",
    );
    expect(dialogues(sp).map((d) => [d.character, d.cue, d.extension])).toEqual([
      ['BOB', 'BOB (V.O.)', '(V.O.)'],
      ['BOB', "BOB (CONT'D)", "(CONT'D)"],
      ['HANS', 'HANS (on the radio)', '(on the radio)'],
      ['MAYA', "MAYA (O.S.) (CONT'D)", "(O.S.) (CONT'D)"],
    ]);
    expect(sp.characters).toEqual(['BOB', 'HANS', 'MAYA']);
  });

  it('keeps accents in names', () => {
    const sp = fountain('INT. HALL\n\nJOSÉ\nHola.\n\nÉLODIE (V.O.)\nSalut.\n');
    expect(sp.characters).toEqual(['JOSÉ', 'ÉLODIE']);
  });

  it('parentheticals and dialogue lines in order, consecutive lines joined', () => {
    const sp = fountain('INT. HALL\n\nBOB\n(quietly)\nI know.\nI always knew.\n(beat)\nGo.\n');
    expect(shape(sp)).toEqual([['dialogue', 'BOB', 'parenthetical:(quietly)', 'line:I know.\nI always knew.', 'parenthetical:(beat)', 'line:Go.']]);
  });

  it('a two-space line keeps the speech going with an empty line; a blank line ends it', () => {
    const sp = fountain('INT. HALL\n\nBOB\nFirst verse.\n  \nSecond verse.\n\nHe bows.\n');
    expect(shape(sp)).toEqual([
      ['dialogue', 'BOB', 'line:First verse.\n\nSecond verse.'],
      ['action', 'He bows.'],
    ]);
  });

  it('dialogue ignores indentation', () => {
    const sp = fountain('INT. HALL\n\n    BOB\n        Hello.\n');
    expect(shape(sp)).toEqual([['dialogue', 'BOB', 'line:Hello.']]);
  });

  it('"^" on the second cue makes the two speeches dual dialogue; the "^" is stripped', () => {
    const sp = fountain('INT. HALL\n\nBRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n\nBRICK\nAgain.\n');
    expect(dialogues(sp).map((d) => [d.character, d.cue, d.dual])).toEqual([
      ['BRICK', 'BRICK', 'left'],
      ['STEEL', 'STEEL', 'right'],
      ['BRICK', 'BRICK', null],
    ]);
    expect(sp.lines.filter((l) => l.dual).map((l) => `${l.dual}:${l.text}`)).toEqual([
      'left:BRICK',
      'left:Screw retirement.',
      'right:STEEL',
      'right:Screw retirement.',
    ]);
  });

  it('"^" with an extension and on a forced cue', () => {
    const sp = fountain('INT. HALL\n\nBOB\nHi.\n\n@McCOY (V.O.) ^\nHi.\n');
    expect(dialogues(sp).map((d) => [d.character, d.cue, d.dual])).toEqual([
      ['BOB', 'BOB', 'left'],
      ['McCOY', 'McCOY (V.O.)', 'right'],
    ]);
  });

  it('"~" lines inside dialogue are lyric parts', () => {
    const sp = fountain('INT. HALL\n\nBOB\n~Happy birthday\n~to you\nThanks.\n');
    expect(shape(sp)).toEqual([['dialogue', 'BOB', 'lyric:Happy birthday\nto you', 'line:Thanks.']]);
  });
});

describe('Fountain transitions, centred text and lyrics', () => {
  it('an all-caps line ending in TO: between blank lines is a transition', () => {
    const sp = fountain('INT. HALL\n\nShe leaves.\n\nCUT TO:\n\nEXT. ROAD\n');
    expect(shape(sp)).toEqual([['action', 'She leaves.'], ['transition', 'CUT TO:']]);
  });

  it('">" forces a transition; lower case and any words', () => {
    const sp = fountain('INT. HALL\n\n> Burn to white.\n\n>FADE OUT\n');
    expect(shape(sp)).toEqual([['transition', 'Burn to white.'], ['transition', 'FADE OUT']]);
  });

  it('a lower-case "cut to:" is action', () => {
    const sp = fountain('INT. HALL\n\ncut to:\n');
    expect(shape(sp)).toEqual([['action', 'cut to:']]);
  });

  it('">text<" is centred action, several lines one element', () => {
    const sp = fountain('INT. HALL\n\n>THE END<\n> written by me <\n');
    const [el] = elementsOf(sp);
    expect(el).toMatchObject({ kind: 'action', text: 'THE END\nwritten by me', centered: true });
    expect(sp.lines.filter((l) => l.kind === 'centered').map((l) => l.text)).toEqual(['THE END', 'written by me']);
  });

  it('"~" lines outside dialogue are a lyric element', () => {
    const sp = fountain("INT. HALL\n\n~Willy Wonka! Willy Wonka!\n~The amazing chocolatier!\n\nHe sings.\n");
    expect(shape(sp)).toEqual([
      ['lyric', 'Willy Wonka! Willy Wonka!\nThe amazing chocolatier!'],
      ['action', 'He sings.'],
    ]);
  });
});

describe('Fountain notes, boneyard, sections, synopses, page breaks', () => {
  it('an inline note is lifted out of the action and placed after it', () => {
    const sp = fountain('INT. HALL\n\nHe opens the door [[which door?]] and leaves.\nQuietly.\n\nShe follows.\n');
    expect(shape(sp)).toEqual([
      ['action', 'He opens the door and leaves.\nQuietly.'],
      ['note', 'which door?'],
      ['action', 'She follows.'],
    ]);
    checkLines(sp);
  });

  it('a note alone in its paragraph stands where it is', () => {
    const sp = fountain('INT. HALL\n\nOne.\n\n[[Add a beat here.]]\n\nTwo.\n');
    expect(shape(sp)).toEqual([['action', 'One.'], ['note', 'Add a beat here.'], ['action', 'Two.']]);
  });

  it('a multi-line note (an empty line in it written as two spaces) is one note', () => {
    const sp = fountain('INT. HALL\n\n[[This is a note\nover several lines.\n  \nWith a gap.]]\n\nOne.\n');
    expect(shape(sp)).toEqual([
      ['note', 'This is a note\nover several lines.\n\nWith a gap.'],
      ['action', 'One.'],
    ]);
  });

  it('"[[" spanning a real blank line is not a note: the text stays', () => {
    const sp = fountain('INT. HALL\n\nHe types [[ and stops.\n\nLater ]] she reads it.\n');
    expect(shape(sp)).toEqual([
      ['action', 'He types [[ and stops.'],
      ['action', 'Later ]] she reads it.'],
    ]);
  });

  it('a note inside dialogue does not end the speech', () => {
    const sp = fountain('INT. HALL\n\nBOB\nHello. [[louder?]]\n[[another]]\nBye.\n\nShe waves.\n');
    expect(shape(sp)).toEqual([
      ['dialogue', 'BOB', 'line:Hello.\nBye.'],
      ['note', 'louder?'],
      ['note', 'another'],
      ['action', 'She waves.'],
    ]);
  });

  it('boneyard is removed across lines and inline, and never reaches elements or lines', () => {
    const sp = fountain('INT. HALL\n\nOne. /* cut this */Two.\n\n/*\nBOB\nOld line.\n\n*/\nThree.\n');
    expect(shape(sp)).toEqual([['action', 'One. Two.'], ['action', 'Three.']]);
    expect(sp.lines.map((l) => l.text).join('\n')).not.toMatch(/cut this|Old line|BOB/);
  });

  it('an unclosed "/*" is kept as text rather than swallowing the script', () => {
    const sp = fountain('INT. HALL\n\nShe writes /* on the board.\n');
    expect(shape(sp)).toEqual([['action', 'She writes /* on the board.']]);
  });

  it('sections never appear; synopses go to the scene; page breaks only to lines', () => {
    const sp = fountain('# ACT ONE\n\n## The store\n\nINT. HALL\n= Bob arrives.\n= He is late.\n\nBob arrives.\n\n===\n\n# ACT TWO\n\nINT. ROOF\n\nWind.\n');
    expect(sp.scenes.map((s) => [s.heading, s.synopsis])).toEqual([
      ['INT. HALL', 'Bob arrives.\nHe is late.'],
      ['INT. ROOF', ''],
    ]);
    expect(shape(sp)).toEqual([['action', 'Bob arrives.'], ['action', 'Wind.']]);
    expect(sp.lines.map((l) => l.kind)).toContain('pagebreak');
    expect(sp.lines.some((l) => /ACT|The store|is late/.test(l.text))).toBe(false);
  });
});
