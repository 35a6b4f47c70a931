import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { centreCrop, type CameraFraming } from '../../shared/domain/animatic-frame';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { updateProject } from '../../electron/core/commands/project-commands';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { makeAnimaticProject } from './animatic-helpers';
import { expectOneExactUndoStep } from './edit-helpers';
import { tempDir } from './helpers';

const MOVE: CameraFraming = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 } };
/** The centre of a 16:9 picture that fills a 2.39 frame: full width, 74.4 % of the height. */
const SCOPE_CROP = { x: 0, y: (1 - 16 / 9 / 2.39) / 2, w: 1, h: 16 / 9 / 2.39 };

/** A 16:9 project: a 16:9 still (1A), a 16:9 picture with a camera move (1B), a panel without a picture (1C). */
async function project(): Promise<{ p: Project; still: string; moving: string; blank: string }> {
  const p = await makeAnimaticProject(path.join(tempDir('bw-settings-'), 'settings.boardwright'), [
    { rgb: [220, 40, 40], durationMs: 1000 },
    { rgb: [40, 70, 220], durationMs: 1000, framing: MOVE },
  ]);
  const [still, moving] = p.board().scenes[0].panels.map((x) => x.id);
  const blank = createPanel(p, { sceneId: p.board().scenes[0].id }).id;
  return { p, still, moving, blank };
}

const framings = (p: Project) => Object.fromEntries(p.board().scenes[0].panels.map((x) => [x.shotNumber, x.framing]));

describe('Project settings: how pictures fit a new aspect ratio', () => {
  it('the centre crop of a 16:9 picture at 2.39 is full width, centred vertically; of a 4:3 picture at 16:9, the same', () => {
    const c = centreCrop(16 / 9, 2.39);
    expect(c.x).toBe(0);
    expect(c.w).toBe(1);
    expect(c.h).toBeCloseTo(0.7438, 4);
    expect(c.y).toBeCloseTo((1 - c.h) / 2, 10);
    const tall = centreCrop(9 / 16, 16 / 9);
    expect(tall).toMatchObject({ w: 1 });
    expect(tall.h).toBeCloseTo(81 / 256, 10);
    const wide = centreCrop(2.39, 1);
    expect(wide).toMatchObject({ y: 0, h: 1 });
    expect(wide.w).toBeCloseTo(1 / 2.39, 10);
    expect(wide.x).toBeCloseTo((1 - 1 / 2.39) / 2, 10);
  });

  it('crop centre frames each still picture at the new aspect, leaves moves and empty panels alone; undo restores all in one step', async () => {
    const { p, still } = await project();
    await expectOneExactUndoStep(p, () => updateProject(p, { title: 'Scope', aspectRatio: '2.39', fps: 25, defaultDurationMs: 1500, fit: 'crop' }), 'Edit project settings');
    expect(p.info()).toMatchObject({ title: 'Scope', aspectRatio: '2.39', fps: 25, defaultDurationMs: 1500 });
    const f = framings(p);
    expect(f['1A']!.start).toEqual(f['1A']!.end);
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(f['1A']!.start[k]).toBeCloseTo(SCOPE_CROP[k], 10);
    expect(f['1B']).toEqual(MOVE);
    expect(f['1C']).toBeNull();
    // The animatic shows the crop: the still's segment has the framing.
    expect(readTimeline(p).segments.find((s) => s.panelId === still)?.framing?.start.h).toBeCloseTo(SCOPE_CROP.h, 10);
    p.undo();
    expect(p.info()).toMatchObject({ title: 'Animatic test', aspectRatio: '16:9', fps: 24, defaultDurationMs: 2000 });
    expect(framings(p)).toEqual({ '1A': null, '1B': MOVE, '1C': null });
    p.close();
  });

  it('letterbox shows the whole picture again (a crop is cleared); keep leaves every framing as it was', async () => {
    const { p } = await project();
    updateProject(p, { aspectRatio: '2.39', fit: 'crop' });
    const cropped = framings(p)['1A'];
    expect(cropped).not.toBeNull();

    updateProject(p, { aspectRatio: '1.85', fit: 'keep' });
    expect(p.info().aspectRatio).toBe('1.85');
    expect(framings(p)).toEqual({ '1A': cropped, '1B': MOVE, '1C': null });

    await expectOneExactUndoStep(p, () => updateProject(p, { aspectRatio: '4:3', fit: 'letterbox' }));
    expect(framings(p)).toEqual({ '1A': null, '1B': MOVE, '1C': null });
    p.close();
  });

  it('no fit without a change of aspect ratio; a crop back at the picture\'s own aspect is the whole picture', async () => {
    const { p } = await project();
    updateProject(p, { aspectRatio: '2.39', fit: 'crop' });
    const cropped = framings(p);
    updateProject(p, { aspectRatio: '2.39', title: 'Same frame', fit: 'letterbox' });
    expect(framings(p)).toEqual(cropped);
    updateProject(p, { aspectRatio: '16:9', fit: 'crop' });
    expect(framings(p)['1A']).toBeNull();
    p.close();
  });

  it('project.update takes the fit, and only a known one', () => {
    const input = contract['project.update'].input;
    expect(input.safeParse({ aspectRatio: '2.39', fit: 'crop' }).success).toBe(true);
    expect(input.safeParse({ aspectRatio: '2.39', fit: 'stretch' }).success).toBe(false);
    expect(input.safeParse({ fps: 0 }).success).toBe(false);
  });
});
