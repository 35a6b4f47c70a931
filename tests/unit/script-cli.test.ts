/** `boardwright import script` and what `list --json` and `generate --empty` add for scripts. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { makePng, sha256File, tempDir } from './helpers';

const SCRIPT = `Title: Night Ferry

INT. FERRY DECK - NIGHT #4#

Waves. JONAH leans on the rail.

JONAH
(to himself)
Almost there.

@McGRATH (V.O.)
Last call for the bar.

EXT. HARBOUR - DAWN #5#

The ferry docks. Gulls.
`;

describe('boardwright import script', () => {
  const dir = tempDir('bw script cli ');
  const file = path.join(dir, 'ferry.boardwright');
  const script = path.join(dir, 'Night Ferry.fountain');
  fs.writeFileSync(script, SCRIPT);

  it('--dry-run prints the change list and writes nothing; then the import writes it', async () => {
    expect((await cli('new', file)).code).toBe(0);
    const before = sha256File(file);
    const dry = await cli('import', 'script', file, script, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Import of Night Ferry.fountain would make these changes (nothing written): 2 scenes, 4 panels');
    expect(dry.out).toContain('Scene 4 INT. FERRY DECK - NIGHT: new scene, 3 panels');
    expect(dry.out).toContain('2 new characters: JONAH, McGRATH');
    expect(sha256File(file)).toBe(before);

    const json = JSON.parse((await cli('import', 'script', file, script, '--dry-run', '--json')).out);
    expect(json).toMatchObject({ dryRun: true, reimport: false, title: 'Night Ferry', setsTitle: true, counts: { scenesAdded: 2, panelsAdded: 4 } });
    expect(sha256File(file)).toBe(before);

    const done = await cli('import', 'script', file, script);
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out.split('\n')[0]).toBe('Imported Night Ferry.fountain: 2 scenes, 4 panels');
  });

  it('list --json gives each scene its script number and omitted flag, and the characters', async () => {
    const list = JSON.parse((await cli('list', file, '--json')).out);
    expect(list.title).toBe('Night Ferry');
    expect(list.characters).toEqual([{ name: 'JONAH' }, { name: 'McGRATH' }]);
    expect(list.scenes.map((s: { number: string; omitted: boolean; heading: string }) => [s.number, s.omitted, s.heading])).toEqual([
      ['4', false, 'INT. FERRY DECK - NIGHT'],
      ['5', false, 'EXT. HARBOUR - DAWN'],
    ]);
    expect(list.scenes[0].panels[2]).toMatchObject({ dialogue: 'McGRATH (V.O.)\nLast call for the bar.', omitted: false });
  });

  it('a re-import of a revision reports and applies only the change', async () => {
    const revised = path.join(dir, 'Night Ferry v2.fountain');
    fs.writeFileSync(revised, SCRIPT.replace('#5#\n\nThe ferry docks. Gulls.\n', '#5#\n\nThe ferry docks. Gulls scream.\n'));
    const r = await cli('import', 'script', file, revised, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ reimport: true, counts: { panelsChanged: 1, panelsAdded: 0, scenesAdded: 0, scenesOmitted: 0 } });
    expect(json.changes).toEqual(['Scene 5 EXT. HARBOUR - DAWN: 5A: text changed']);
  });

  it('generate --empty boards every panel without a picture with the built-in provider, one picture each', async () => {
    const r = await cli('generate', file, '--empty', '--provider', 'builtin', '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(4);
    const list = JSON.parse((await cli('list', file, '--json')).out);
    for (const s of list.scenes) for (const p of s.panels) expect(p.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await cli('generate', file, '--empty')).out.trim()).toBe('Every panel of ferry.boardwright has a picture: nothing to generate.');
  });

  it('a scene cut from the script is kept, marked omitted, and left out of exports unless --include-omitted', async () => {
    const cut = path.join(dir, 'Night Ferry v3.fountain');
    fs.writeFileSync(cut, SCRIPT.slice(0, SCRIPT.indexOf('EXT. HARBOUR')));
    const r = JSON.parse((await cli('import', 'script', file, cut, '--json')).out);
    expect(r.counts).toMatchObject({ scenesOmitted: 1 });
    const list = JSON.parse((await cli('list', file, '--json')).out);
    expect(list.scenes.map((s: { number: string; omitted: boolean }) => [s.number, s.omitted])).toEqual([['4', false], ['5', true]]);
    const csv = path.join(dir, 'shots.csv');
    expect((await cli('export', 'csv', file, csv)).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).not.toContain('HARBOUR');
    expect((await cli('export', 'csv', file, csv, '--include-omitted')).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toContain('EXT. HARBOUR - DAWN');
    // The full script again brings the scene back.
    await cli('import', 'script', file, script);
    expect(JSON.parse((await cli('list', file, '--json')).out).scenes[1].omitted).toBe(false);
  });

  it('bad scripts exit 1 with one line and leave the project byte for byte as it was', async () => {
    const before = sha256File(file);
    const cases: [string, Buffer | string, RegExp][] = [
      ['picture.png', await makePng(20, 20), /picture\.png is not a screenplay/],
      ['empty.fountain', '', /empty\.fountain is empty/],
      ['broken.fdx', '<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content><Paragraph Type="Action"><Text>Unclosed', /broken\.fdx is damaged/],
    ];
    for (const [name, body, message] of cases) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, body);
      const r = await cli('import', 'script', file, f);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(message);
      expect(r.err.trim().split('\n'), name).toHaveLength(1);
      expect(sha256File(file), name).toBe(before);
    }
    expect((await cli('import', 'script', file, path.join(dir, 'missing.fountain'))).err).toMatch(/missing\.fountain was not found/);
    expect((await cli('import', 'script', file, script, '--panels', 'shots')).code).toBe(2);
    expect((await cli('import', 'poem', file, script)).code).toBe(2);
    expect(sha256File(file)).toBe(before);
  });
});
