import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockedNumberBetween } from '../../electron/core/board/shot-numbers';
import { createPanel, deletePanels, movePanels, updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene, deleteScene } from '../../electron/core/commands/scene-commands';
import { duplicatePanels } from '../../electron/core/commands/duplicate-commands';
import { setShotNumbersLocked } from '../../electron/core/commands/shot-lock-commands';
import { Project } from '../../electron/core/project';
import { cli } from './cli-runner';
import { expectOneExactUndoStep, newProject } from './edit-helpers';
import { tempDir } from './helpers';

const open: Project[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** Two scenes: 1A 1B 1C, and 2A 2B. */
function board(): { p: Project; s1: string; s2: string; ids: string[] } {
  const p = newProject('Lock');
  open.push(p);
  const s1 = createScene(p, {}).id;
  const s2 = createScene(p, {}).id;
  const ids = [s1, s1, s1, s2, s2].map((sceneId) => createPanel(p, { sceneId }).id);
  return { p, s1, s2, ids };
}

const numbers = (p: Project) => p.board().scenes.map((s) => s.panels.map((x) => x.shotNumber));

describe('locked shot numbers', () => {
  it('pick the next letter at a scene end, then AA, AB between locked numbers', () => {
    const taken = new Set(['1A', '1B', '1C']);
    expect(lockedNumberBetween('1C', null, '1D', taken)).toBe('1D');
    expect(lockedNumberBetween('1A', '1B', '1B', taken)).toBe('1AA');
    expect(lockedNumberBetween('1AA', '1B', '1C', new Set([...taken, '1AA']))).toBe('1AB');
    expect(lockedNumberBetween('6A-A', '6A-B', '6A-B', new Set(['6A-A', '6A-B']))).toBe('6A-AA');
    expect(lockedNumberBetween(null, null, '3A', taken)).toBe('3A');
    // Never a number already on the board, even where no letters fit in order (between 1A and 1AA).
    expect(taken.has(lockedNumberBetween('1A', '1AA', '1B', new Set([...taken, '1AA'])))).toBe(false);
  });

  it('a panel added between 1A and 1B gets 1AA, the next 1AB; nobody else changes', () => {
    const { p, s1 } = board();
    setShotNumbersLocked(p, true);
    createPanel(p, { sceneId: s1, index: 1 });
    expect(numbers(p)).toEqual([['1A', '1AA', '1B', '1C'], ['2A', '2B']]);
    createPanel(p, { sceneId: s1, index: 2 });
    expect(numbers(p)).toEqual([['1A', '1AA', '1AB', '1B', '1C'], ['2A', '2B']]);
    createPanel(p, { sceneId: s1 });
    expect(numbers(p)[0].at(-1)).toBe('1D');
  });

  it('keeps every number through deleting, moving, duplicating and deleting a scene', () => {
    const { p, s1, ids } = board();
    setShotNumbersLocked(p, true);
    deletePanels(p, [ids[0]]);
    expect(numbers(p)).toEqual([['1B', '1C'], ['2A', '2B']]);
    movePanels(p, [ids[4]], s1, 0);
    expect(numbers(p)).toEqual([['2B', '1B', '1C'], ['2A']]);
    duplicatePanels(p, [ids[1]]);
    expect(numbers(p)).toEqual([['2B', '1B', '1BA', '1C'], ['2A']]);
    expect(deleteScene(p, s1)).toEqual({ renumbered: 0, first: null });
    expect(numbers(p)).toEqual([['2A']]);
  });

  it('unlocked, deleting a scene renumbers the later scenes and says so', () => {
    const { p, s1 } = board();
    expect(deleteScene(p, s1)).toEqual({ renumbered: 2, first: { from: '2A', to: '1A' } });
  });

  it('a manual number still wins while locked, and clearing it goes back to the locked one', () => {
    const { p, ids } = board();
    setShotNumbersLocked(p, true);
    updatePanels(p, [ids[1]], { shotNumberOverride: '1X' });
    expect(numbers(p)[0]).toEqual(['1A', '1X', '1C']);
    updatePanels(p, [ids[1]], { shotNumberOverride: null });
    expect(numbers(p)[0]).toEqual(['1A', '1B', '1C']);
  });

  it('unlocking renumbers automatically; locking and unlocking are each one undo step', async () => {
    const { p, s1, ids } = board();
    await expectOneExactUndoStep(p, () => setShotNumbersLocked(p, true), 'Lock shot numbers');
    expect(p.info().shotNumbersLocked).toBe(true);
    createPanel(p, { sceneId: s1, index: 1 });
    deletePanels(p, [ids[0]]);
    expect(numbers(p)[0]).toEqual(['1AA', '1B', '1C']);
    await expectOneExactUndoStep(p, () => setShotNumbersLocked(p, false), 'Unlock shot numbers');
    expect(numbers(p)[0]).toEqual(['1A', '1B', '1C']);
    expect(p.info().shotNumbersLocked).toBe(false);
    p.undo();
    expect(numbers(p)[0]).toEqual(['1AA', '1B', '1C']);
    expect(p.info().shotNumbersLocked).toBe(true);
  });

  it('undoing an insert while locked takes its number away with it', () => {
    const { p, s1 } = board();
    setShotNumbersLocked(p, true);
    createPanel(p, { sceneId: s1, index: 1 });
    p.undo();
    expect(numbers(p)[0]).toEqual(['1A', '1B', '1C']);
    createPanel(p, { sceneId: s1, index: 1 });
    expect(numbers(p)[0]).toEqual(['1A', '1AA', '1B', '1C']);
  });
});

describe('boardwright set-project --lock-shot-numbers', () => {
  it('locks and unlocks, each an undoable edit in the file, and refuses anything but on or off', async () => {
    const file = path.join(tempDir('bw-lock-'), 'lock.boardwright');
    const p = Project.create(file, { title: 'Lock CLI' });
    const s = createScene(p, {}).id;
    createPanel(p, { sceneId: s });
    createPanel(p, { sceneId: s });
    p.close();

    const on = await cli('set-project', file, '--lock-shot-numbers', 'on');
    expect(on.code).toBe(0);
    expect(on.out).toContain('shot numbers locked');
    const q = Project.open(file);
    open.push(q);
    expect(q.info().shotNumbersLocked).toBe(true);
    createPanel(q, { sceneId: s, index: 1 });
    expect(numbers(q)[0]).toEqual(['1A', '1AA', '1B']);
    open.pop()!.close();

    const bad = await cli('set-project', file, '--lock-shot-numbers', 'yes');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('on or off');

    const off = await cli('set-project', file, '--lock-shot-numbers', 'off');
    expect(off.code).toBe(0);
    expect(off.out).not.toContain('locked');
    const r = Project.open(file);
    open.push(r);
    expect(numbers(r)[0]).toEqual(['1A', '1B', '1C']);
    expect(r.history().undoLabel).toBe('Unlock shot numbers');
  });
});
