import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene, deleteScene, moveScene, updateScene } from '../../electron/core/commands/scene-commands';
import { createPanel, deletePanels, movePanels, updatePanels } from '../../electron/core/commands/panel-commands';
import { addImagePanels, setPanelImage } from '../../electron/core/commands/image-commands';
import { updateProject } from '../../electron/core/commands/project-commands';
import { HISTORY_LIMIT } from '../../electron/core/history/history';
import { makePng, snapshot, tempDir } from './helpers';

function newProject(): Project {
  return Project.create(path.join(tempDir(), 'undo.boardwright'), { title: 'Undo' });
}

/** Builds a small board and returns the ids used by the edits below. */
async function seed(p: Project) {
  const s1 = createScene(p, { patch: { heading: 'INT. KITCHEN - NIGHT' } });
  const s2 = createScene(p, { patch: { heading: 'EXT. STREET - DAY' } });
  const panels = await addImagePanels(p, { sceneId: s1.id, files: [{ bytes: await makePng(64, 36), name: 'a.png' }, { bytes: await makePng(64, 36, [0, 90, 200]), name: 'b.png' }] });
  const c = createPanel(p, { sceneId: s2.id, patch: { action: 'She runs.', tags: ['chase'] } });
  return { s1, s2, a: panels[0], b: panels[1], c };
}

describe('undo and redo restore the exact prior state', () => {
  it('every kind of edit, undone all the way back and redone all the way forward', async () => {
    const p = newProject();
    const ids = await seed(p);
    const start = snapshot(p.db);
    const edits: (() => unknown)[] = [
      () => updatePanels(p, [ids.a.id], { durationMs: 3500, shotSize: 'CU', lensMm: 85, dialogue: 'Who is there?', notes: 'hold' }),
      () => updatePanels(p, [ids.a.id, ids.b.id], { status: 'approved', tags: ['night', 'tense'] }),
      () => updatePanels(p, [ids.b.id], { shotNumberOverride: '12A' }),
      () => movePanels(p, [ids.b.id, ids.a.id], ids.s2.id, 1),
      () => moveScene(p, ids.s2.id, 0),
      () => updateScene(p, ids.s1.id, { heading: 'INT. KITCHEN - LATER', synopsis: 'The kettle boils.' }),
      () => updateProject(p, { title: 'Renamed', aspectRatio: '2.39', fps: 25 }),
      () => deletePanels(p, [ids.c.id]),
      () => deleteScene(p, ids.s2.id),
    ];
    const states = [start];
    for (const edit of edits) {
      edit();
      states.push(snapshot(p.db));
    }
    for (let i = edits.length - 1; i >= 0; i--) {
      p.undo();
      expect(snapshot(p.db)).toEqual(states[i]);
    }
    expect(p.history().canUndo).toBe(true); // the seed edits are still there
    for (let i = 1; i <= edits.length; i++) {
      p.redo();
      expect(snapshot(p.db)).toEqual(states[i]);
    }
    expect(p.history().canRedo).toBe(false);
    p.close();
  });

  it('a deleted scene comes back with its panels, their image layers and order', async () => {
    const p = newProject();
    const ids = await seed(p);
    const before = p.board();
    deleteScene(p, ids.s1.id);
    expect(p.board().scenes).toHaveLength(1);
    p.undo();
    expect(p.board()).toEqual(before);
    p.close();
  });

  it('setting an image is undoable and the image is stored once', async () => {
    const p = newProject();
    const ids = await seed(p);
    const bytes = await makePng(80, 45, [10, 200, 10]);
    await setPanelImage(p, ids.c.id, bytes, 'c.png');
    await setPanelImage(p, ids.a.id, bytes, 'c.png');
    expect(p.db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(3);
    expect(p.panel(ids.a.id).imageSha256).toBe(p.panel(ids.c.id).imageSha256);
    p.undo();
    expect(p.panel(ids.a.id).imageSha256).toBe(ids.a.imageSha256);
    p.undo();
    expect(p.panel(ids.c.id).imageSha256).toBeNull();
    p.close();
  });

  it('a new edit after undo clears redo; labels name the edit', async () => {
    const p = newProject();
    const ids = await seed(p);
    updatePanels(p, [ids.a.id], { notes: 'one' });
    expect(p.history().undoLabel).toBe('Edit panel 1A');
    p.undo();
    expect(p.history()).toMatchObject({ canRedo: true, redoLabel: 'Edit panel 1A' });
    updatePanels(p, [ids.a.id], { notes: 'two' });
    expect(p.history().canRedo).toBe(false);
    p.close();
  });

  it('an edit that changes nothing adds no undo step', async () => {
    const p = newProject();
    const ids = await seed(p);
    const label = p.history().undoLabel;
    updatePanels(p, [ids.c.id], { action: 'She runs.' });
    expect(p.history().undoLabel).toBe(label);
    p.close();
  });

  it(`keeps at least 200 steps (limit ${HISTORY_LIMIT}) and undo survives reopening the file`, async () => {
    const p = newProject();
    const ids = await seed(p);
    for (let i = 1; i <= 250; i++) updatePanels(p, [ids.a.id], { notes: `take ${i}` });
    p.close();
    const again = Project.open(p.path);
    for (let i = 250; i >= 1; i--) {
      expect(again.panel(ids.a.id).notes).toBe(`take ${i}`);
      again.undo();
    }
    expect(again.panel(ids.a.id).notes).toBe('');
    again.close();
  });

  it('moving a panel many times into the same gap keeps order (positions renumber)', async () => {
    const p = newProject();
    const ids = await seed(p);
    const extra = Array.from({ length: 4 }, () => createPanel(p, { sceneId: ids.s1.id }));
    for (let i = 0; i < 80; i++) movePanels(p, [extra[i % 4].id], ids.s1.id, 1);
    const order = p.board().scenes[0].panels.map((x) => x.id);
    expect(new Set(order).size).toBe(order.length);
    expect(order[1]).toBe(extra[79 % 4].id);
    p.close();
  });
});
