/**
 * One notion of a camera move (issue 13, item 2): the timeline's animated framing names the panel's
 * Camera move, which the inspector, the shot list and the PDF arrows (their own switch) then show.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveOfFraming } from '../../shared/domain/camera-move';
import { DEFAULT_PDF_OPTIONS } from '../../shared/domain/export';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { setPanelFraming } from '../../electron/core/animatic/framing-commands';
import { shotRows } from '../../electron/core/export/shot-list/rows';
import { planBoards } from '../../electron/core/export/pdf/prepare';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { tempDir } from './helpers';

const FULL = { x: 0, y: 0, w: 1, h: 1 };

describe('the name of an animated move', () => {
  it('a tighter end frame zooms in, a wider one zooms out, a sideways one pans, an upward one tilts, none is no move', () => {
    expect(moveOfFraming({ start: FULL, end: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 } })).toBe('zoom in');
    expect(moveOfFraming({ start: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 }, end: FULL })).toBe('zoom out');
    expect(moveOfFraming({ start: { x: 0, y: 0.2, w: 0.6, h: 0.6 }, end: { x: 0.4, y: 0.2, w: 0.6, h: 0.6 } })).toBe('pan');
    expect(moveOfFraming({ start: { x: 0.2, y: 0.4, w: 0.6, h: 0.6 }, end: { x: 0.2, y: 0, w: 0.6, h: 0.6 } })).toBe('tilt');
    expect(moveOfFraming({ start: FULL, end: FULL })).toBeNull();
    expect(moveOfFraming(null)).toBeNull();
  });
});

describe('a panel with an animated move', () => {
  it('names it in the Camera move field (logged, undoable), the shot list and the PDF arrows; clearing it clears the name', async () => {
    const p = Project.create(path.join(tempDir(), 'moves.boardwright'), { title: 'Moves' });
    const panel = createPanel(p, { sceneId: createScene(p, {}).id });
    updatePanels(p, [panel.id], { cameraMove: 'static' });
    setPanelFraming(p, panel.id, { start: FULL, end: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 } });
    expect(p.panel(panel.id).cameraMove).toBe('zoom in');
    expect(shotRows(p.board(), {})[0].move).toBe('zoom in');
    expect(listDecisions(p).at(-1)).toMatchObject({ kind: 'shot.move', oldValue: 'static', newValue: 'zoom in' });

    const arrows = async (fields: typeof DEFAULT_PDF_OPTIONS.fields) => {
      const { doc } = await planBoards(p, { ...DEFAULT_PDF_OPTIONS, fields, date: '2026-12-05' });
      return doc.page(0).ops.filter((op) => op.op === 'path' && op.fill === '#ffffff').length;
    };
    expect(await arrows(DEFAULT_PDF_OPTIONS.fields)).toBeGreaterThan(0);
    // The move named in the text, without marks over the picture: its own switch.
    expect(await arrows(DEFAULT_PDF_OPTIONS.fields.filter((f) => f !== 'arrows'))).toBe(0);

    p.undo();
    expect(p.panel(panel.id).cameraMove).toBe('static');
    p.redo();
    setPanelFraming(p, panel.id, null);
    expect(p.panel(panel.id).cameraMove).toBeNull();
    // A move typed by hand stays when an animated move is cleared that did not name it.
    updatePanels(p, [panel.id], { cameraMove: 'crane' });
    setPanelFraming(p, panel.id, null);
    expect(p.panel(panel.id).cameraMove).toBe('crane');
    p.close();
  });
});
