import { describe, expect, it } from 'vitest';
import { checkLines, dialogues, elementsOf, fdx, fixture, para, shape } from '../fixtures/scripts/helpers';
import { parseScript } from '../../electron/core/script/parse';

const heading = (text: string, attrs = '') => para('Scene Heading', text, attrs);

describe('Final Draft paragraphs', () => {
  it('joins every <Text> run of a paragraph (taking only the first loses words)', () => {
    const sp = fdx(
      `${heading('INT. HALL')}<Paragraph Type="Action"><Text>Rain on the </Text><Text Style="Bold">neon</Text><Text> sign.</Text></Paragraph>` +
        `<Paragraph Type="Character"><Text>BO</Text><Text>B</Text></Paragraph><Paragraph Type="Dialogue"><Text>Are you </Text><Text Style="Italic+Underline">open</Text><Text>?</Text></Paragraph>`,
    );
    expect(shape(sp)).toEqual([['action', 'Rain on the neon sign.'], ['dialogue', 'BOB', 'line:Are you open?']]);
  });

  it('skips empty paragraphs: no <Text>, an empty <Text>, whitespace only', () => {
    const sp = fdx(
      `${heading('INT. HALL')}<Paragraph Type="Action"/><Paragraph Type="Action"><Text></Text></Paragraph><Paragraph Type="Action"><Text>   </Text></Paragraph>` +
        `<Paragraph Type="Character"/>${para('Action', 'Real.')}<Paragraph Type="Scene Heading"/>`,
    );
    expect(sp.scenes).toHaveLength(1);
    expect(shape(sp)).toEqual([['action', 'Real.']]);
  });

  it('reads the scene Number as text', () => {
    const sp = fdx(`${heading('INT. A', ' Number="12"')}${heading('INT. B', ' Number="6A"')}${heading('INT. C', ' Number="I-1-A"')}${heading('INT. D')}`);
    expect(sp.scenes.map((s) => [s.heading, s.number])).toEqual([
      ['INT. A', '12'],
      ['INT. B', '6A'],
      ['INT. C', 'I-1-A'],
      ['INT. D', null],
    ]);
  });

  it('SceneProperties: Summary is the synopsis, Length the page eighths', () => {
    const sp = fdx(
      `<Paragraph Number="1" Type="Scene Heading"><SceneProperties Length="1 1/8" Page="1" Title=""><Summary>` +
        `<Paragraph Type="Action"><Text>Maya closes up.</Text></Paragraph><Paragraph Type="Action"><Text>A visitor.</Text></Paragraph>` +
        `</Summary></SceneProperties><Text>EXT. STORE - NIGHT</Text></Paragraph>${para('Action', 'Rain.')}` +
        `${heading('INT. STORE')}${para('Action', 'Dry.')}`,
    );
    expect(sp.scenes[0]).toMatchObject({ heading: 'EXT. STORE - NIGHT', synopsis: 'Maya closes up.\nA visitor.', pageEighths: 9, pageEighthsEstimated: false });
    expect(sp.scenes[1]).toMatchObject({ synopsis: '', pageEighths: 1, pageEighthsEstimated: true });
    expect(shape(sp)).toEqual([['action', 'Rain.'], ['action', 'Dry.']]);
  });

  it('ScriptNotes become notes after their element, also inside dialogue', () => {
    const note = (t: string) => `<ScriptNote ID="1"><Paragraph><Text>${t}</Text></Paragraph></ScriptNote>`;
    const sp = fdx(
      `${heading('INT. HALL')}<Paragraph Type="Action">${note('Which till?')}<Text>She counts the till.</Text></Paragraph>` +
        `${para('Character', 'BOB')}<Paragraph Type="Dialogue"><Text>Hi.</Text>${note('Louder')}</Paragraph>${para('Dialogue', 'Bye.')}${para('Action', 'He goes.')}`,
    );
    expect(shape(sp)).toEqual([
      ['action', 'She counts the till.'],
      ['note', 'Which till?'],
      ['dialogue', 'BOB', 'line:Hi.\nBye.'],
      ['note', 'Louder'],
      ['action', 'He goes.'],
    ]);
    checkLines(sp);
  });

  it('DualDialogue inside a wrapping paragraph (Final Draft) and without one (other writers)', () => {
    const pair = `${para('Character', 'BRICK')}${para('Dialogue', 'Screw retirement.')}${para('Character', 'STEEL')}${para('Parenthetical', '(together)')}${para('Dialogue', 'Screw retirement.')}`;
    for (const content of [`<Paragraph><DualDialogue>${pair}</DualDialogue></Paragraph>`, `<DualDialogue>${pair}</DualDialogue>`]) {
      const sp = fdx(`${heading('INT. HALL')}${content}${para('Character', 'BRICK')}${para('Dialogue', 'Alone.')}`);
      expect(dialogues(sp).map((d) => [d.character, d.dual, d.parts.length])).toEqual([
        ['BRICK', 'left', 1],
        ['STEEL', 'right', 2],
        ['BRICK', null, 1],
      ]);
    }
  });

  it('Shot, General, Singing, Transition, Cast List and centred action', () => {
    const sp = fdx(
      `${heading('INT. HALL')}${para('Shot', 'CLOSE ON THE BELL')}${para('General', 'A general line.')}${para('Singing', 'La la la')}` +
        `${para('Character', 'BOB')}${para('Singing', 'Happy birthday')}${para('Dialogue', 'Thanks.')}${para('Transition', 'CUT TO:')}` +
        `${para('Cast List', 'BOB, MAYA')}${para('Action', 'THE END', ' Alignment="Center"')}`,
    );
    expect(shape(sp)).toEqual([
      ['shot', 'CLOSE ON THE BELL'],
      ['action', 'A general line.'],
      ['lyric', 'La la la'],
      ['dialogue', 'BOB', 'lyric:Happy birthday', 'line:Thanks.'],
      ['transition', 'CUT TO:'],
      ['action', 'BOB, MAYA'],
      ['action', 'THE END'],
    ]);
    expect(elementsOf(sp)[6]).toMatchObject({ centered: true });
  });

  it('act markers are skipped like sections; unknown types are kept as action; orphan dialogue is action', () => {
    const sp = fdx(`${para('New Act', 'ACT ONE')}${heading('INT. HALL')}${para('Dialogue', 'Nobody said this.')}${para('Storyboard Caption', 'Odd type.')}${para('End of Act', 'END OF ACT ONE')}`);
    expect(shape(sp)).toEqual([['action', 'Nobody said this.'], ['action', 'Odd type.']]);
  });

  it('upper-cases AllCaps runs, decodes entities and character references, reads CDATA', () => {
    const sp = fdx(
      `${heading('INT. HALL')}<Paragraph Type="Character"><Text Style="AllCaps">McGrath</Text></Paragraph>${para('Dialogue', 'Who&apos;s &quot;there&quot; &amp; why?')}` +
        `${para('Character', 'JOS&#201; (on the radio)')}<Paragraph Type="Dialogue"><Text><![CDATA[It's <me>.]]></Text></Paragraph>`,
    );
    expect(dialogues(sp).map((d) => [d.character, d.cue, d.parts[0].text])).toEqual([
      ['MCGRATH', 'MCGRATH', 'Who\'s "there" & why?'],
      ['JOSÉ', 'JOSÉ (on the radio)', "It's <me>."],
    ]);
  });

  it('FADE IN: typed as Action is a transition, so it makes no scene before the first heading', () => {
    const sp = fdx(`${para('Action', 'FADE IN:')}${heading('INT. HALL')}${para('Action', 'Fade in slowly.')}`);
    expect(sp.scenes.map((s) => s.heading)).toEqual(['INT. HALL']);
    expect(sp.lines[0]).toMatchObject({ kind: 'transition', text: 'FADE IN:', sceneIndex: null });
    expect(shape(sp)).toEqual([['action', 'Fade in slowly.']]);
  });

  it('StartsNewPage="Yes" puts a page break in lines', () => {
    const sp = fdx(`${heading('INT. A')}${para('Action', 'One.')}${heading('INT. B', ' StartsNewPage="Yes"')}${para('Action', 'Two.')}`);
    expect(sp.lines.map((l) => l.kind)).toContain('pagebreak');
    expect(shape(sp)).toEqual([['action', 'One.'], ['action', 'Two.']]);
  });
});

describe('Final Draft title page', () => {
  it('maps paragraph groups by order: centred Title, Credit, Author; left Contact; right Draft date', () => {
    const sp = parseScript(fixture('night-shift.fdx'), 'night-shift.fdx');
    expect(sp.titlePage).toEqual([
      { key: 'Title', value: 'NIGHT SHIFT\nat the Corner Store' },
      { key: 'Credit', value: 'Written by' },
      { key: 'Author', value: 'Ada Lindqvist' },
      { key: 'Contact', value: 'ada@example.com\n+46 555 0100' },
      { key: 'Draft date', value: '4 March 2026' },
    ]);
    expect(sp.title).toBe('NIGHT SHIFT at the Corner Store');
  });

  it('without alignments every group maps by order, extra groups are Notes', () => {
    const tp = (t: string) => `<Paragraph><Text>${t}</Text></Paragraph>`;
    const sp = fdx(heading('INT. HALL'), `<TitlePage><Content>${tp('T')}${tp('')}${tp('by')}${tp('')}${tp('Me')}${tp('')}${tp('Novel')}${tp('')}${tp('Extra')}</Content></TitlePage>`);
    expect(sp.titlePage.map((e) => `${e.key}=${e.value}`)).toEqual(['Title=T', 'Credit=by', 'Author=Me', 'Source=Novel', 'Notes=Extra']);
  });

  it('no title page: title null', () => {
    expect(fdx(heading('INT. HALL')).title).toBeNull();
  });
});

describe('the two fixtures agree', () => {
  it('night-shift.fountain and night-shift.fdx give the same scenes and speakers', () => {
    const a = parseScript(fixture('night-shift.fountain'), 'night-shift.fountain');
    const b = parseScript(fixture('night-shift.fdx'), 'night-shift.fdx');
    expect(b.format).toBe('fdx');
    expect(a.format).toBe('fountain');
    expect(b.scenes.map((s) => [s.heading, s.number])).toEqual(a.scenes.map((s) => [s.heading, s.number]));
    expect(b.scenes[0].synopsis).toBe(a.scenes[0].synopsis);
    expect(b.characters).toEqual(['MAYA', 'STRANGER', 'MCGRATH', 'JOSÉ']);
    expect(a.characters).toEqual(['MAYA', 'STRANGER', 'McGRATH', 'JOSÉ']);
    checkLines(a);
    checkLines(b);
  });
});
