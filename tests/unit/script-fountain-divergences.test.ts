import { describe, expect, it } from 'vitest';
import { dialogues, fountain, shape } from '../fixtures/scripts/helpers';

/** The cases where Fountain parsers disagree (shared/reference/interchange.md, part A), and what we do. */
describe('Fountain: where parsers disagree', () => {
  it('lower-case extensions keep the cue a cue (afterwriting-labs#97, Beat#69, screenplain#11)', () => {
    const sp = fountain('INT. HALL\n\nHANS (on the radio)\nWhat was it you said?\n\nMAYA (into phone, whispering)\nNothing.\n');
    expect(dialogues(sp).map((d) => [d.character, d.extension])).toEqual([
      ['HANS', '(on the radio)'],
      ['MAYA', '(into phone, whispering)'],
    ]);
  });

  it("'#', apostrophes and '/' in cues (fountain-js#13, Tagirijus/fountain#9)", () => {
    const sp = fountain("INT. HALL\n\nMAN #1\nHey.\n\nO'BRIEN\nWhat?\n\nJOHN/JANE\nBoth of us.\n\nD’ARTAGNAN\nEn garde.\n");
    expect(sp.characters).toEqual(['MAN #1', "O'BRIEN", 'JOHN/JANE', 'D’ARTAGNAN']);
  });

  it('FADE OUT. / FADE TO BLACK. / CUT TO BLACK. are transitions as in fountain-js; other "X:" lines are not (Beat#153)', () => {
    const sp = fountain('INT. HALL\n\nFADE OUT.\n\nFADE TO BLACK.\n\nCUT TO BLACK.\n\nLATER:\n\nSMASH CUT TO:\n');
    expect(shape(sp)).toEqual([
      ['transition', 'FADE OUT.'],
      ['transition', 'FADE TO BLACK.'],
      ['transition', 'CUT TO BLACK.'],
      ['action', 'LATER:'],
      ['transition', 'SMASH CUT TO:'],
    ]);
  });

  it('a forced heading ending in TO: stays a heading (afterwriting-labs#86)', () => {
    const sp = fountain('.FLASHBACK TO:\n\nShe remembers.\n\n.BACK TO:\n');
    expect(sp.scenes.map((s) => s.heading)).toEqual(['FLASHBACK TO:', 'BACK TO:']);
    expect(shape(sp)).toEqual([['action', 'She remembers.']]);
  });

  it('">" forced transitions are supported (screenplain#65)', () => {
    expect(shape(fountain('INT. HALL\n\n> JUMP CUT\n'))).toEqual([['transition', 'JUMP CUT']]);
  });

  it('a transition needs blank lines around it: "CUT TO:" with text under it is a cue', () => {
    const sp = fountain('INT. HALL\n\nCUT TO:\nthe chase.\n');
    expect(shape(sp)).toEqual([['dialogue', 'CUT TO:', 'line:the chase.']]);
  });

  it('two-space lines keep dialogue going (screenplain#68, betterfountain#53)', () => {
    const sp = fountain('INT. HALL\n\nDEALER\nTen.\nFour.\nDealer gets a seven.\n  \nHit or stand sir?\n\nMONKEY\nDude, I\'m a monkey.\n');
    expect(shape(sp)).toEqual([
      ['dialogue', 'DEALER', 'line:Ten.\nFour.\nDealer gets a seven.\n\nHit or stand sir?'],
      ['dialogue', 'MONKEY', "line:Dude, I'm a monkey."],
    ]);
  });

  it('multi-line notes are one note (betterfountain#172) and the element after them is read normally (wrap#48)', () => {
    const sp = fountain('INT. HALL\n\n[[Remember to\nfix this\n  \nlater]]\n\nBOB\nHello.\n\n[[one more]]\nCUT TO:\n\nEXT. ROAD\n');
    expect(shape(sp)).toEqual([
      ['note', 'Remember to\nfix this\n\nlater'],
      ['dialogue', 'BOB', 'line:Hello.'],
      ['transition', 'CUT TO:'],
      ['note', 'one more'],
    ]);
  });

  it('the SCANNING THE AISLES... trap: a caps line over text is a cue (as the spec says); "!" makes it action', () => {
    const trap = fountain('INT. STORE\n\nSCANNING THE AISLES...\nwe find nobody.\n');
    expect(shape(trap)).toEqual([['dialogue', 'SCANNING THE AISLES...', 'line:we find nobody.']]);
    const forced = fountain('INT. STORE\n\n!SCANNING THE AISLES...\nwe find nobody.\n');
    expect(shape(forced)).toEqual([['action', 'SCANNING THE AISLES...\nwe find nobody.']]);
    expect(forced.characters).toEqual([]);
  });

  it('inline boneyard is removed from the middle of a line (Fountain#22)', () => {
    expect(shape(fountain('INT. HALL\n\nShe /* slowly */ turns.\n'))).toEqual([['action', 'She  turns.']]);
  });

  it('boneyard before the title page (Fountain#23)', () => {
    const sp = fountain('/* v2 */\nTitle: Kept\n\nINT. HALL\n');
    expect(sp.title).toBe('Kept');
  });

  it('any title key is kept, also before the known ones (fountain-js#22, Fountain#41)', () => {
    const sp = fountain('Format: Feature\nTitle: T\nRevision Color: Blue\n\nINT. HALL\n');
    expect(sp.titlePage).toEqual([
      { key: 'Format', value: 'Feature' },
      { key: 'Title', value: 'T' },
      { key: 'Revision Color', value: 'Blue' },
    ]);
  });
});
