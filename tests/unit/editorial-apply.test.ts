/**
 * Applying a conform: export OTIO, change it as an editor would (a trim, a clip moved into another
 * scene, a clip deleted), apply it, and the board shows exactly that change as one undoable edit,
 * with decision log entries; the animatic then has the editor's cut points to the frame.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEditorial } from '../../electron/core/editorial/export-editorial';
import { applyConform, prepareConform } from '../../electron/core/editorial/conform-apply';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { CoreError } from '../../electron/core/errors';
import { cli } from './cli-runner';
import { sha256File, snapshot, tempDir } from './helpers';
import { makeEditorialProject } from './editorial-helpers';

type Clip = { OTIO_SCHEMA: string; name: string; source_range: { duration: { value: number } } };

/** The editor's cut: 2B moved to the head of the film, 1A trimmed to 18 frames, 1C deleted. */
function editOtio(text: string): string {
  const json = JSON.parse(text);
  const video = json.tracks.children[0] as { children: Clip[] };
  const items = video.children;
  const at = (name: string) => items.findIndex((c) => c.OTIO_SCHEMA === 'Clip.2' && c.name === name);
  items[at('1A')].source_range.duration.value = 18;
  items.splice(at('1C'), 1);
  const [moved] = items.splice(at('2B'), 1);
  items.unshift(moved);
  return JSON.stringify(json);
}

async function setUp(name: string) {
  const dir = tempDir(`bw-conform-${name}-`);
  const project = await makeEditorialProject(path.join(dir, 'film.boardwright'), { audio: false });
  const out = path.join(dir, 'cut.otio');
  await exportEditorial(project, 'otio', out);
  const edited = path.join(dir, 'cut-edited.otio');
  fs.writeFileSync(edited, editOtio(fs.readFileSync(out, 'utf8')));
  const ids = Object.fromEntries(project.board().scenes.flatMap((s) => s.panels.map((p) => [p.shotNumber, p.id])));
  return { dir, project, edited, ids, scenes: project.board().scenes.map((s) => s.id) };
}

describe('conform: apply an edited timeline', () => {
  it('takes the editor\'s order across scenes, lengths and drops as one edit, logged, undoable', async () => {
    const { project, edited, ids, scenes } = await setUp('apply');
    const before = snapshot(project.db);
    const prepared = prepareConform(project, fs.readFileSync(edited), 'cut-edited.otio');
    expect(prepared.summary.changes).toEqual([
      'Editor trimmed 1A from 1.13 s to 0.75 s',
      `Editor moved 2B from scene 2 (${project.board().scenes[1].heading}) to scene 1 (INT. HOUSE - DAY)`,
      'Editor dropped 1C: marked omitted (kept on the board)',
    ]);
    expect(snapshot(project.db)).toEqual(before);

    applyConform(project, prepared);
    const board = project.board();
    expect(board.scenes.map((s) => s.panels.map((p) => p.id))).toEqual([[ids['2B'], ids['1A'], ids['1B'], ids['1C']], [ids['2A']]]);
    expect(board.scenes[0].id).toBe(scenes[0]);
    expect(project.panel(ids['1A']).durationMs).toBe(750);
    expect(project.panel(ids['1C']).omitted).toBe(true);
    expect(project.history().undoLabel).toBe('Conform to cut-edited.otio');

    // The animatic now cuts where the editor cut: 2B, 1A (18 frames), 1B, 2A.
    const segments = readTimeline(project).segments;
    expect(segments.map((s) => s.panelId)).toEqual([ids['2B'], ids['1A'], ids['1B'], ids['2A']]);
    expect(segments[1].frames).toBe(18);

    const log = listDecisions(project);
    expect(log.map((d) => d.why)).toEqual(expect.arrayContaining(['Editor trimmed 1A from 1.13 s to 0.75 s', 'Editor dropped 1C', 'Editor moved 2B to another scene']));
    expect(log.filter((d) => d.kind === 'editorial.conform' && d.panelId === null)).toHaveLength(1);

    const after = snapshot(project.db);
    project.undo();
    expect(snapshot(project.db)).toEqual(before);
    project.redo();
    expect(snapshot(project.db)).toEqual(after);
    project.close();
  });

  it('a timeline from another project matches nothing: a clear message, the project unchanged', async () => {
    const { project } = await setUp('other');
    const other = await setUp('source');
    const before = snapshot(project.db);
    let caught: unknown;
    try {
      prepareConform(project, fs.readFileSync(other.edited), 'theirs.otio');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CoreError);
    expect((caught as CoreError).message).toMatch(/None of the 4 clips in this timeline match a panel of this project/);
    expect(snapshot(project.db)).toEqual(before);
    project.close();
    other.project.close();
  });
});

describe('boardwright import edit', () => {
  it('--dry-run lists the changes and writes nothing; then it applies them; bad timelines exit 1', async () => {
    const { project, edited, dir, ids } = await setUp('cli');
    const file = project.path;
    project.close();
    const hash = sha256File(file);
    const dry = await cli('import', 'edit', file, edited, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, format: 'otio', clips: 4, matched: 4, counts: { durations: 1, moves: 1, dropped: 1, unmatched: 0 } });
    expect(sha256File(file)).toBe(hash);

    const done = await cli('import', 'edit', file, edited);
    expect(done.code).toBe(0);
    expect(done.out.split('\n')[0]).toBe('Conformed to cut-edited.otio: 4 of 4 clips matched');
    const list = JSON.parse((await cli('list', file, '--json')).out);
    const panels = list.scenes.flatMap((s: { panels: { id: string; omitted: boolean }[] }) => s.panels);
    expect(panels.find((p: { id: string }) => p.id === ids['1C']).omitted).toBe(true);

    const broken = path.join(dir, 'broken.otio');
    fs.writeFileSync(broken, '{"OTIO_SCHEMA": "Timeline.1", "tracks": ');
    const hash2 = sha256File(file);
    const bad = await cli('import', 'edit', file, broken);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(sha256File(file)).toBe(hash2);
    expect((await cli('import', 'edit', file)).code).toBe(2);
  });
});
