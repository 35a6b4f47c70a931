import { describe, expect, it } from 'vitest';
import { MAX_NOTES, MAX_SCRIPT_LINES, MAX_XML_ELEMENTS, parseScript } from '../../electron/core/script/parse';
import { expectCoreError, fdxDoc, fixture, fountain, para, shape } from '../fixtures/scripts/helpers';

const SCRIPT = 'INT. HALL\n\nJOSÉ\n¿Qué pasa, señor?\n';

describe('script files that are not screenplays', () => {
  it('refuses other document formats by signature, whatever their name', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expectCoreError(() => parseScript(zip, 'notes.docx'), 'UNSUPPORTED', 'notes.docx is not a screenplay (Fountain or Final Draft .fdx).');
    expectCoreError(() => parseScript(zip, '/home/me/scripts/draft.fountain'), 'UNSUPPORTED', 'draft.fountain is not a screenplay (Fountain or Final Draft .fdx).');
    expectCoreError(() => parseScript(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'script.pdf'), 'UNSUPPORTED', /script\.pdf is not a screenplay/);
    expectCoreError(() => parseScript(Buffer.from('{\\rtf1\\ansi INT. HALL}'), 'script.txt'), 'UNSUPPORTED', /script\.txt is not a screenplay/);
  });

  it('refuses text with an unknown extension, and binary content', () => {
    expectCoreError(() => parseScript(Buffer.from(SCRIPT), 'notes.md'), 'UNSUPPORTED', 'notes.md is not a screenplay (Fountain or Final Draft .fdx).');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expectCoreError(() => parseScript(binary, 'image.fountain'), 'UNSUPPORTED', /image\.fountain is not a screenplay/);
    const controls = Buffer.from('INT. HALL\n' + '\u0001\u0002\u0003\u0004'.repeat(50));
    expectCoreError(() => parseScript(controls, 'x.txt'), 'UNSUPPORTED');
  });

  it('refuses an empty or blank file', () => {
    expectCoreError(() => parseScript(Buffer.alloc(0), 'empty.fountain'), 'BAD_INPUT', 'empty.fountain is empty: there is no screenplay text in it.');
    expectCoreError(() => parseScript(Buffer.from('\uFEFF \n\r\n\t\n'), 'blank.fountain'), 'BAD_INPUT', /blank\.fountain is empty/);
  });

  it('refuses a 50 MB text file at once, with the limit in the message', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'INT. HALL\n\nAction.\n\n');
    expectCoreError(() => parseScript(big, 'huge.fountain'), 'TOO_LARGE', 'huge.fountain is too large to be a screenplay (50.0 MB; the limit is 20 MB).');
  });
});

describe('files far longer than any screenplay are refused quickly', () => {
  it('more lines, notes or XML elements than the limits', () => {
    expectCoreError(() => parseScript(Buffer.from('a\n'.repeat(MAX_SCRIPT_LINES + 1)), 'long.fountain'), 'TOO_LARGE', 'long.fountain is too long to be a screenplay (over 200,000 lines).');
    expectCoreError(() => parseScript(Buffer.from(`INT. A\n\n${'[[n]]'.repeat(MAX_NOTES + 1)}\n`), 'notes.fountain'), 'TOO_LARGE', 'notes.fountain is too long to be a screenplay (over 20,000 notes).');
    const xml = fdxDoc(para('Action', 'x').repeat(MAX_XML_ELEMENTS / 2 + 1));
    expectCoreError(() => parseScript(Buffer.from(xml), 'long.fdx'), 'TOO_LARGE', 'long.fdx is too long to be a screenplay (over 200,000 XML elements).');
  });

  it('many boneyard spans and emphasis markers on one long line stay linear', () => {
    const sp = parseScript(Buffer.from(`INT. A\n\n${'/**/x'.repeat(200_000)}\n\n${'*a '.repeat(100_000)}\n`), 'line.fountain');
    expect(sp.scenes[0].elements.map((e) => e.kind === 'action' && e.text.length)).toEqual([200_000, 300_000 - 1]);
  });
});

describe('format detection', () => {
  it('by extension: .fountain, .spmd, .txt (any case) are Fountain, .fdx is Final Draft', () => {
    for (const name of ['a.fountain', 'a.spmd', 'a.txt', 'A.FOUNTAIN', 'a.Txt']) expect(parseScript(Buffer.from(SCRIPT), name).format).toBe('fountain');
    expect(parseScript(Buffer.from(fdxDoc(para('Action', 'Hi.'))), 'a.fdx').format).toBe('fdx');
  });

  it('by content: Final Draft XML under any name is read as FDX', () => {
    const xml = Buffer.from(fdxDoc(`${para('Scene Heading', 'INT. HALL')}${para('Action', 'Hi.')}`));
    for (const name of ['export.txt', 'export.fountain', 'export', 'export.xml']) {
      const sp = parseScript(xml, name);
      expect(sp.format).toBe('fdx');
      expect(shape(sp)).toEqual([['action', 'Hi.']]);
    }
    expect(parseScript(Buffer.from('<FinalDraft Version="1"><Content>' + para('Action', 'No declaration.') + '</Content></FinalDraft>'), 'a.txt').format).toBe('fdx');
  });

  it('a file without an extension is read by its content', () => {
    expect(parseScript(Buffer.from(SCRIPT), 'SCRIPT').format).toBe('fountain');
  });
});

describe('encodings', () => {
  const expectJose = (sp: ReturnType<typeof parseScript>) => {
    expect(sp.characters).toEqual(['JOSÉ']);
    expect(shape(sp)).toEqual([['dialogue', 'JOSÉ', 'line:¿Qué pasa, señor?']]);
  };

  it('UTF-8 with and without BOM', () => {
    expectJose(parseScript(Buffer.from(SCRIPT, 'utf8'), 'a.fountain'));
    expectJose(parseScript(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCRIPT, 'utf8')]), 'a.fountain'));
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SCRIPT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expectJose(parseScript(le, 'a.fountain'));
    expectJose(parseScript(be, 'a.fountain'));
    const fdxLe = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fdxDoc(para('Character', 'JOSÉ') + para('Dialogue', '¿Qué pasa, señor?')).replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expectJose(parseScript(fdxLe, 'a.fdx'));
  });

  it('UTF-16 without a BOM is binary to us: a clear error', () => {
    expectCoreError(() => parseScript(Buffer.from(SCRIPT, 'utf16le'), 'a.fountain'), 'UNSUPPORTED', /not a screenplay/);
  });

  it('invalid UTF-8 is read as Windows-1252, with a warning', () => {
    const cp1252 = Buffer.from([...Buffer.from('INT. HALL\n\nJOS'), 0xc9, ...Buffer.from('\n'), 0x93, ...Buffer.from('Hi'), 0x94, 0x85, 0x0a]);
    const sp = parseScript(cp1252, 'old.fountain');
    expect(shape(sp)).toEqual([['dialogue', 'JOSÉ', 'line:“Hi”…']]);
    expect(sp.warnings[0]).toBe('old.fountain is not valid UTF-8: it was read as Windows-1252 (Western European); check accented letters.');
  });

  it('an FDX declaring ISO-8859-1 is decoded as such, without a warning', () => {
    const xml = fdxDoc(para('Character', 'JOSÉ') + para('Dialogue', '¿Qué pasa, señor?')).replace('UTF-8', 'ISO-8859-1');
    const sp = parseScript(Buffer.from(xml, 'latin1'), 'old.fdx');
    expectJose(sp);
    expect(sp.warnings).not.toContainEqual(expect.stringMatching(/UTF-8/));
  });
});

describe('scripts without scene headings, and repeated scene numbers', () => {
  it('no heading: one scene with heading null, flagged and warned about', () => {
    const sp = fountain('She walks in.\n\nBOB\nHi.\n');
    expect(sp.noSceneHeading).toBe(true);
    expect(sp.scenes).toHaveLength(1);
    expect(sp.scenes[0].heading).toBeNull();
    expect(shape(sp)).toEqual([['action', 'She walks in.'], ['dialogue', 'BOB', 'line:Hi.']]);
    expect(sp.warnings).toContain('No scene heading: imported as one scene.');
    expect(fountain('INT. HALL\n\nHi.\n').noSceneHeading).toBe(false);
  });

  it('the same in FDX', () => {
    const sp = parseScript(Buffer.from(fdxDoc(para('Action', 'She walks in.'))), 'a.fdx');
    expect(sp.noSceneHeading).toBe(true);
    expect(sp.scenes.map((s) => s.heading)).toEqual([null]);
  });

  it('a title page and nothing else: no scenes, a warning', () => {
    const sp = fountain('Title: Only a title\nAuthor: Me\n');
    expect(sp.scenes).toEqual([]);
    expect(sp.warnings).toContain('No scenes, action or dialogue found.');
  });

  it('a scene number used twice: both scenes kept and flagged, one warning', () => {
    const sp = fountain('INT. A #12#\n\nOne.\n\nINT. B #12#\n\nTwo.\n\nINT. C #6a#\n\nINT. D #6A#\n\nINT. E #6A#\n\nINT. F #7#\n');
    expect(sp.scenes.map((s) => [s.number, s.duplicateNumber])).toEqual([
      ['12', true],
      ['12', true],
      ['6a', true],
      ['6A', true],
      ['6A', true],
      ['7', false],
    ]);
    expect(sp.warnings).toEqual(['Scene number 12 is used twice.', 'Scene number 6a is used 3 times.']);
  });

  it('the fixtures parse without warnings', () => {
    expect(parseScript(fixture('night-shift.fountain'), 'night-shift.fountain').warnings).toEqual([]);
    expect(parseScript(fixture('night-shift.fdx'), 'night-shift.fdx').warnings).toEqual([]);
  });
});
