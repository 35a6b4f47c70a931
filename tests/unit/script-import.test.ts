/**
 * Script import into a project: scenes and panels from a screenplay, characters, title, transitions,
 * one undoable edit; and a re-import of a rewrite that keeps every picture.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { importScript, prepareImport } from '../../electron/core/script/import';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { listCharacters } from '../../electron/core/characters/character-commands';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { makePng, snapshot, tempDir } from './helpers';

const DRAFT_1 = `Title: The Lighthouse
Author: A. Ruiz

FADE IN:

INT. LIGHTHOUSE - NIGHT #1#

= Mara finds the lamp dark.

Rain lashes the windows. MARA (60s) climbs the stairs.

MARA
(out of breath)
Who turned it off?

[[Find a real lighthouse for the stairs.]]

TOMAS (O.S.)
I did.

CUT TO:

EXT. CLIFF - CONTINUOUS #2#

Tomas stands at the edge, holding the bulb.

DISSOLVE TO:

INT. KEEPER'S ROOM - DAWN #3#

A cold cup of tea. A logbook, open.

Outside, the lamp turns once and stops.

FADE OUT.
`;

/** The rewrite: scene 1's line changes, scene 2 gains a beat, scene 3 is cut, scene 2A is new. */
const DRAFT_2 = `Title: The Lighthouse

INT. LIGHTHOUSE - NIGHT #1#

Rain lashes the windows. MARA (60s) climbs the stairs.

MARA
(out of breath)
Who put the light out?

TOMAS (O.S.)
I did.

EXT. CLIFF - CONTINUOUS #2#

Tomas stands at the edge, holding the bulb.

He throws it into the sea.

EXT. BEACH - DAY #2A#

The bulb washes up at Mara's feet.
`;

const fountain = (text: string) => Buffer.from(text, 'utf8');

function newProject(title = 'Untitled'): Project {
  return Project.create(path.join(tempDir('bw-script-'), 'film.boardwright'), { title });
}

describe('importing a screenplay', () => {
  it('makes a scene per heading and a panel per action paragraph and dialogue block', () => {
    const p = newProject();
    const summary = importScript(p, fountain(DRAFT_1), 'lighthouse.fountain', 'beats');
    const board = p.board();
    expect(board.scenes.map((s) => [s.scriptNumber, s.heading, s.synopsis])).toEqual([
      ['1', 'INT. LIGHTHOUSE - NIGHT', 'Mara finds the lamp dark.'],
      ['2', 'EXT. CLIFF - CONTINUOUS', ''],
      ['3', "INT. KEEPER'S ROOM - DAWN", ''],
    ]);
    const [s1, s2, s3] = board.scenes;
    expect(s1.panels.map((x) => [x.action, x.dialogue])).toEqual([
      ['Rain lashes the windows. MARA (60s) climbs the stairs.', ''],
      ['', 'MARA\n(out of breath)\nWho turned it off?'],
      ['', 'TOMAS (O.S.)\nI did.'],
    ]);
    expect(s1.panels[1].notes).toBe('Find a real lighthouse for the stairs.');
    // CUT TO: sets the cut into the next scene's first panel; DISSOLVE TO: likewise; FADE OUT. fades the last one.
    expect(s2.panels[0].transition).toBe('cut');
    expect(s3.panels[0].transition).toBe('dissolve');
    expect(s3.panels[0].action).toBe('A cold cup of tea. A logbook, open.');
    expect(s3.panels[1].transition).toBe('fade out');
    expect(board.project.title).toBe('The Lighthouse');
    expect(listCharacters(p).map((c) => c.name)).toEqual(['MARA', 'TOMAS']);
    expect(summary.counts).toMatchObject({ scenesAdded: 3, panelsAdded: 6, charactersAdded: 2 });
    expect(summary.setsTitle).toBe(true);
    expect(listDecisions(p).map((d) => d.kind)).toContain('script.imported');
    p.close();
  });

  it('one panel per scene when asked', () => {
    const p = newProject();
    importScript(p, fountain(DRAFT_1), 'lighthouse.fountain', 'scene');
    const [s1] = p.board().scenes;
    expect(s1.panels).toHaveLength(1);
    expect(s1.panels[0].action).toBe('Rain lashes the windows. MARA (60s) climbs the stairs.');
    expect(s1.panels[0].dialogue).toBe('MARA\n(out of breath)\nWho turned it off?\n\nTOMAS (O.S.)\nI did.');
    p.close();
  });

  it('is one edit: undo removes everything it made (the title too), redo brings it back', () => {
    const p = newProject('My Short');
    const before = snapshot(p.db);
    importScript(p, fountain(DRAFT_1), 'lighthouse.fountain', 'beats');
    const after = snapshot(p.db);
    expect(p.board().project.title).toBe('The Lighthouse');
    expect(p.history().undoLabel).toBe('Import script lighthouse.fountain');
    p.undo();
    expect(snapshot(p.db)).toEqual(before);
    expect(p.board().project.title).toBe('My Short');
    p.redo();
    expect(snapshot(p.db)).toEqual(after);
    p.close();
  });

  it('a titled project that already has panels keeps its title; a one-panel scene keeps the cut into it and notes the fade', () => {
    const p = newProject('Working Title');
    importScript(p, fountain('INT. ROOM - DAY\n\nA chair.\n'), 'first.fountain', 'beats');
    const summary = importScript(p, fountain(`Title: Other\n\nINT. HALL - DAY\n\nA door.\n\nDISSOLVE TO:\n\nEXT. YARD - DAY\n\nA dog.\n\nFADE OUT.\n`), 'second.fountain', 'beats');
    expect(summary.setsTitle).toBe(false);
    expect(p.board().project.title).toBe('Working Title');
    const yard = p.board().scenes.find((s) => s.heading === 'EXT. YARD - DAY')!;
    expect(yard.panels[0].transition).toBe('dissolve');
    expect(yard.panels[0].notes).toBe('Transition: FADE OUT.');
    p.close();
  });

  it('a preview writes nothing', () => {
    const p = newProject();
    const before = snapshot(p.db);
    const prepared = prepareImport(p, fountain(DRAFT_1), 'lighthouse.fountain', 'beats');
    expect(prepared.summary.scenes.map((s) => [s.number, s.panels, s.status])).toEqual([['1', 3, 'new'], ['2', 1, 'new'], ['3', 2, 'new']]);
    expect(prepared.summary.scenes[0].characters).toEqual(['MARA', 'TOMAS']);
    expect(snapshot(p.db)).toEqual(before);
    p.close();
  });
});

describe('re-importing a rewrite', () => {
  it('keeps pictures and notes, updates changed text, adds new scenes in order, omits cut ones', async () => {
    const p = newProject();
    importScript(p, fountain(DRAFT_1), 'lighthouse.fountain', 'beats');
    const first = p.board();
    const line = first.scenes[0].panels[1];
    await setPanelImage(p, line.id, await makePng(64, 36), 'mara.png');
    updatePanels(p, [line.id], { durationMs: 3500, notes: 'hold on her face' });
    const keeper = first.scenes[2];

    const preview = prepareImport(p, fountain(DRAFT_2), 'lighthouse v2.fountain', 'beats').summary;
    expect(preview.reimport).toBe(true);
    expect(preview.counts).toMatchObject({ scenesAdded: 1, scenesOmitted: 1, panelsAdded: 2, panelsChanged: 1 });
    expect(preview.changes).toContain("Scene 3 INT. KEEPER'S ROOM - DAWN: cut from the script; marked omitted, its 2 panels kept");

    importScript(p, fountain(DRAFT_2), 'lighthouse v2.fountain', 'beats');
    expect(listDecisions(p, { kinds: ['script.imported'] }).map((d) => [d.newValue, d.data.reimport])).toEqual([['lighthouse.fountain', false], ['lighthouse v2.fountain', true]]);
    const board = p.board();
    expect(board.scenes.map((s) => [s.scriptNumber, s.omitted])).toEqual([['1', false], ['2', false], ['2A', false], ['3', true]]);
    const again = board.scenes[0].panels.find((x) => x.id === line.id)!;
    expect(again.dialogue).toBe('MARA\n(out of breath)\nWho put the light out?');
    expect(again.imageSha256).toBe(p.panel(line.id).imageSha256);
    expect(again.imageSha256).not.toBeNull();
    expect(again.durationMs).toBe(3500);
    expect(again.notes).toBe('hold on her face');
    expect(board.scenes[1].panels.map((x) => x.action)).toEqual(['Tomas stands at the edge, holding the bulb.', 'He throws it into the sea.']);
    expect(board.scenes[2].panels.map((x) => x.action)).toEqual(["The bulb washes up at Mara's feet."]);
    // Shots take the script's scene number: 2A's first shot is 2A-A (a letter after a letter needs the hyphen).
    expect(board.scenes.map((s) => s.panels[0].shotNumber)).toEqual(['1A', '2A', '2A-A', '3A']);
    expect(board.scenes[3].id).toBe(keeper.id);
    expect(board.scenes[3].panels).toHaveLength(2);
    // The same script again changes nothing.
    expect(prepareImport(p, fountain(DRAFT_2), 'lighthouse v2.fountain', 'beats').summary.changes).toEqual(['No change: the board already matches this script.']);
    // And the first draft brings scene 3 back.
    const back = prepareImport(p, fountain(DRAFT_1), 'lighthouse.fountain', 'beats').summary;
    expect(back.counts).toMatchObject({ scenesRestored: 1, scenesOmitted: 1 });
    p.close();
  });
});
